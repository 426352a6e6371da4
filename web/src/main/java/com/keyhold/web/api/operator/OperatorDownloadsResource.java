package com.keyhold.web.api.operator;

import com.keyhold.download.DownloadCatalog;
import com.keyhold.download.DownloadView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Downloads & Documentation entries (SPEC T3), managed by operators: a link, or a file uploaded as
 * the raw body of {@code PUT …/{id}/file?fileName=} (at most 20 MB, its type decided on its content).
 */
@Path("/v1/operator/downloads")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorDownloadsResource {

    @EJB
    DownloadCatalog catalog;

    @GET
    @Operation(summary = "Every download entry", description = "?product= narrows to one product")
    public Map<String, List<DownloadView>> list(@QueryParam("product") String product) {
        return Map.of("items", catalog.all(product));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an entry", description = "{product, version, kind: INSTALLER|RELEASE_NOTES|GUIDE|OTHER, title,"
            + " url?}: a link (https), or no url and the file uploaded next")
    public Response add(DownloadCatalog.Draft draft) {
        return Response.status(Response.Status.CREATED).entity(catalog.add(draft)).build();
    }

    @PUT
    @Path("/{id}/file")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the entry's file", description = "the raw bytes; 413 PAYLOAD_TOO_LARGE over 20 MB;"
            + " 400 when the content is not a PDF, ZIP, disk image, installer package, PNG or plain text")
    public DownloadView upload(@PathParam("id") String id, @QueryParam("fileName") String fileName, byte[] content) {
        return catalog.attachFile(id, fileName, content);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove an entry", description = "and its file")
    public Response remove(@PathParam("id") String id) {
        catalog.remove(id);
        return Response.noContent().build();
    }
}
