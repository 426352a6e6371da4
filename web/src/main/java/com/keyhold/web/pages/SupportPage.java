package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.ProductService;
import com.keyhold.support.KnowledgeBase;
import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Support page of a product (SPEC T4, seed "Get Support"): its categories with their popular
 * topics, the knowledge-base search with the matching words highlighted, and Request Support, offered
 * once a description is typed, which opens a ticket and shows its number for phone or chat contact.
 */
@Named
@ViewScoped
public class SupportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    KnowledgeBase knowledgeBase;

    @EJB
    SupportTickets tickets;

    @EJB
    ProductService products;

    @Inject
    SessionUser currentUser;

    private String accountId;
    private String product;
    private String productName;
    private List<KnowledgeBase.Category> categories = List.of();
    private String category;
    private String query;
    private List<KnowledgeBase.Hit> hits = List.of();
    private KnowledgeBase.Article article;
    private String description;
    /** The created ticket's number as text (a number would be formatted with grouping). */
    private String ticketNumber;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("product");
        product = asked == null || asked.isBlank() ? "DESKTOP" : asked.strip().toUpperCase(java.util.Locale.ROOT);
        productName = products.publicName(product).orElse(null);
        if (productName != null) {
            categories = knowledgeBase.categories(product);
        }
    }

    public void search() {
        try {
            hits = knowledgeBase.search(product, query);
        } catch (KeyholdException refused) {
            hits = List.of();
            Messages.error(refused);
        }
    }

    public void chooseCategory(String name) {
        category = name;
    }

    public void open(String articleId) {
        try {
            article = knowledgeBase.article(product, articleId);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void requestSupport() {
        try {
            TicketView ticket = tickets.requestSupport(currentUser.getUserId(), accountId, product, category, description);
            ticketNumber = String.valueOf(ticket.number());
            description = null;
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public boolean isRequestable() {
        return description != null && !description.isBlank();
    }

    public String getProductName() {
        return productName;
    }

    public List<KnowledgeBase.Category> getCategories() {
        return categories;
    }

    public String getCategory() {
        return category;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<KnowledgeBase.Hit> getHits() {
        return hits;
    }

    public KnowledgeBase.Article getArticle() {
        return article;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }
}
