package com.keyhold.web.api.operator;

import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.Product;
import com.keyhold.subscription.ProductKind;
import com.keyhold.subscription.ProductService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The product catalogue for the vendor's scripts (SPEC O1). */
@Path("/v1/operator/products")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorProductsResource {

    public record ProductJson(String code, String name, String kind, boolean business) {
        static ProductJson of(Product p) {
            return new ProductJson(p.getCode(), p.getName(), p.getKind().name(), p.isBusiness());
        }
    }

    @EJB
    ProductService products;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "The product catalogue")
    public Map<String, List<ProductJson>> list() {
        return Map.of("items", products.catalogue().stream().map(ProductJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a product", description = "{code, name, kind: PER_COMPUTER|PER_MANAGED_MAC|ADD_ON, business}")
    public Response define(ProductJson body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        ProductKind kind = null;
        try {
            kind = body.kind() == null ? null : ProductKind.valueOf(body.kind());
        } catch (IllegalArgumentException unknown) {
            // reported by the service with the other invalid fields
        }
        Product product = products.define(securityContext.getCallerPrincipal().getName(), body.code(), body.name(), kind,
                body.business());
        return Response.status(Response.Status.CREATED).entity(ProductJson.of(product)).build();
    }
}
