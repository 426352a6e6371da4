package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.Product;
import com.keyhold.subscription.ProductService;
import com.keyhold.support.KnowledgeBase;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operators' knowledge-base and category editor (issue 16, SPEC T4): a product's support
 * categories in order, each with its articles; add and remove categories, write, edit and remove
 * articles, and mark the popular topics the Support page lists under each category.
 */
@Named
@ViewScoped
public class KnowledgeBaseEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    KnowledgeBase knowledgeBase;

    @EJB
    ProductService products;

    private String product = "DESKTOP";
    private List<KnowledgeBase.EditableCategory> categories = List.of();
    private String categoryName;
    private Integer categoryPosition;
    private String articleId;
    private String articleCategory;
    private String articleTitle;
    private String articleBody;
    private boolean articlePopular;

    @PostConstruct
    void load() {
        String asked = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("product");
        if (asked != null && asked.matches("[A-Za-z][A-Za-z0-9_]{1,31}")) {
            product = asked.toUpperCase(java.util.Locale.ROOT);
        }
        reload();
    }

    public void reload() {
        try {
            categories = knowledgeBase.editable(product);
        } catch (KeyholdException refused) {
            categories = List.of();
            Messages.error(refused);
        }
    }

    public void addCategory() {
        int position = categoryPosition == null ? categories.size() + 1 : categoryPosition;
        if (Messages.attempt(() -> knowledgeBase.addCategory(product, categoryName, position))) {
            Messages.info("kbEditor.categoryAdded", categoryName.strip());
            categoryName = null;
            categoryPosition = null;
        }
        reload();
    }

    public void removeCategory(String categoryId) {
        if (Messages.attempt(() -> knowledgeBase.removeCategory(categoryId))) {
            Messages.info("kbEditor.categoryRemoved");
        }
        reload();
    }

    /** Fills the article form with an article to edit. */
    public void edit(KnowledgeBase.EditableArticle article) {
        articleId = article.id();
        articleCategory = article.categoryId();
        articleTitle = article.title();
        articleBody = article.body();
        articlePopular = article.popular();
    }

    /** Saves the article form: a new article, or the edited one. */
    public void saveArticle() {
        boolean saved = Messages.attempt(() -> {
            if (articleId == null) {
                knowledgeBase.addArticle(articleCategory, articleTitle, articleBody, articlePopular);
            } else {
                knowledgeBase.updateArticle(articleId, articleTitle, articleBody, articlePopular);
            }
        });
        if (saved) {
            Messages.info("kbEditor.articleSaved", articleTitle.strip());
            clearArticle();
        }
        reload();
    }

    public void removeArticle(String id) {
        if (Messages.attempt(() -> knowledgeBase.removeArticle(id))) {
            Messages.info("kbEditor.articleRemoved");
            if (id.equals(articleId)) {
                clearArticle();
            }
        }
        reload();
    }

    public void clearArticle() {
        articleId = null;
        articleTitle = null;
        articleBody = null;
        articlePopular = false;
    }

    public List<Product> getProducts() {
        return products.catalogue();
    }

    public List<KnowledgeBase.EditableCategory> getCategories() {
        return categories;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getCategoryName() {
        return categoryName;
    }

    public void setCategoryName(String categoryName) {
        this.categoryName = categoryName;
    }

    public Integer getCategoryPosition() {
        return categoryPosition;
    }

    public void setCategoryPosition(Integer categoryPosition) {
        this.categoryPosition = categoryPosition;
    }

    public String getArticleId() {
        return articleId;
    }

    public String getArticleCategory() {
        return articleCategory;
    }

    public void setArticleCategory(String articleCategory) {
        this.articleCategory = articleCategory;
    }

    public String getArticleTitle() {
        return articleTitle;
    }

    public void setArticleTitle(String articleTitle) {
        this.articleTitle = articleTitle;
    }

    public String getArticleBody() {
        return articleBody;
    }

    public void setArticleBody(String articleBody) {
        this.articleBody = articleBody;
    }

    public boolean isArticlePopular() {
        return articlePopular;
    }

    public void setArticlePopular(boolean articlePopular) {
        this.articlePopular = articlePopular;
    }
}
