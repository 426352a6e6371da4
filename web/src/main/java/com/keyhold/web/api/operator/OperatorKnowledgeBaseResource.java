package com.keyhold.web.api.operator;

import com.keyhold.support.KnowledgeBase;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The knowledge base and category editor of the vendor's agents (SPEC T4): operators only. */
@Path("/v1/operator/kb")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorKnowledgeBaseResource {

    public record CategoryBody(String product, String name, Integer position) {
    }

    public record ArticleBody(String categoryId, String title, String body, boolean popular) {
    }

    @EJB
    KnowledgeBase knowledgeBase;

    @GET
    @Path("/categories")
    public java.util.List<KnowledgeBase.EditableCategory> categories(@QueryParam("product") String product) {
        return knowledgeBase.editable(product);
    }

    @DELETE
    @Path("/categories/{id}")
    public Response removeCategory(@PathParam("id") String id) {
        knowledgeBase.removeCategory(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/articles/{id}")
    public KnowledgeBase.Article updateArticle(@PathParam("id") String id, ArticleBody body) {
        return knowledgeBase.updateArticle(id, body == null ? null : body.title(), body == null ? null : body.body(),
                body != null && body.popular());
    }

    @POST
    @Path("/categories")
    public Response addCategory(CategoryBody body) {
        return Response.status(Response.Status.CREATED).entity(knowledgeBase.addCategory(body == null ? null : body.product(),
                body == null ? null : body.name(), body == null || body.position() == null ? 0 : body.position())).build();
    }

    @POST
    @Path("/articles")
    public Response addArticle(ArticleBody body) {
        return Response.status(Response.Status.CREATED).entity(knowledgeBase.addArticle(body == null ? null : body.categoryId(),
                body == null ? null : body.title(), body == null ? null : body.body(), body != null && body.popular())).build();
    }

    @DELETE
    @Path("/articles/{id}")
    public Response removeArticle(@PathParam("id") String id) {
        knowledgeBase.removeArticle(id);
        return Response.noContent().build();
    }
}
