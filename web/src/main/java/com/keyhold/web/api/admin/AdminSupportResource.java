package com.keyhold.web.api.admin;

import com.keyhold.support.KnowledgeBase;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A product's support categories, popular topics and knowledge-base search (SPEC T4), for any signed-in user. */
@Path("/v1/admin/support/{product}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSupportResource {

    @EJB
    KnowledgeBase knowledgeBase;

    @GET
    @Path("/categories")
    @Operation(summary = "Support categories with their popular topics")
    public Map<String, List<KnowledgeBase.Category>> categories(@PathParam("product") String product) {
        return Map.of("items", knowledgeBase.categories(product));
    }

    @GET
    @Path("/articles")
    @Operation(summary = "Search the knowledge base", description = "?q= words; ranked best first, matching words in"
            + " <mark> in titleHtml and snippetHtml (all else escaped)")
    public Map<String, List<KnowledgeBase.Hit>> search(@PathParam("product") String product, @QueryParam("q") String q) {
        return Map.of("items", knowledgeBase.search(product, q));
    }

    @GET
    @Path("/articles/{id}")
    public KnowledgeBase.Article article(@PathParam("product") String product, @PathParam("id") String id) {
        return knowledgeBase.article(product, id);
    }
}
