package com.keyhold.support;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.OperatorAccess;
import com.keyhold.subscription.Product;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The Support page's content (SPEC T4): a product's categories with their popular topics, and the
 * knowledge base searched with the database's FULLTEXT index (natural-language ranking, the best
 * first), the matching words highlighted ({@link Highlighter}). Operators write categories and
 * articles; anyone signed in reads them.
 */
@Stateless
public class KnowledgeBase {

    public static final int MAX_QUERY = 200;
    public static final int MAX_HITS = 20;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    OperatorAccess operators;

    @EJB
    ActivityLog activityLog;

    /** A category with its popular topics. */
    public record Category(String id, String name, List<Article> popular) implements java.io.Serializable {
    }

    /** An article. */
    public record Article(String id, String title, String body) implements java.io.Serializable {
    }

    /** A category as the editor shows it: every article, popular or not. */
    public record EditableCategory(String id, String name, int position, List<EditableArticle> articles)
            implements java.io.Serializable {
    }

    /** An article as the editor shows it. */
    public record EditableArticle(String id, String categoryId, String title, String body, boolean popular)
            implements java.io.Serializable {
    }

    /** A search hit: {@code snippetHtml} is escaped text with {@code <mark>}ed words, safe to render as HTML. */
    public record Hit(String id, String title, String titleHtml, String category, String snippetHtml, double score)
            implements java.io.Serializable {
    }

    public List<Category> categories(String productCode) {
        String product = normalized(productCode);
        List<KbCategory> categories = em.createQuery("SELECT c FROM KbCategory c WHERE c.productCode = :p ORDER BY c.position, c.name",
                KbCategory.class).setParameter("p", product).getResultList();
        return categories.stream().map(c -> new Category(c.getId(), c.getName(), em.createQuery(
                        "SELECT a FROM KbArticle a WHERE a.categoryId = :c AND a.popular = TRUE ORDER BY a.title", KbArticle.class)
                .setParameter("c", c.getId()).setMaxResults(10).getResultStream()
                .map(a -> new Article(a.getId(), a.getTitle(), a.getBody())).toList())).toList();
    }

    public Article article(String productCode, String articleId) {
        KbArticle article = articleId == null || articleId.length() > 36 ? null : em.find(KbArticle.class, articleId);
        KbCategory category = article == null ? null : em.find(KbCategory.class, article.getCategoryId());
        if (category == null || !category.getProductCode().equals(normalized(productCode))) {
            throw KeyholdException.notFound("Article");
        }
        return new Article(article.getId(), article.getTitle(), article.getBody());
    }

    /** The product's articles matching the words, best first, at most {@value #MAX_HITS}. */
    public List<Hit> search(String productCode, String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY) {
            throw KeyholdException.badRequest("q", "up to " + MAX_QUERY + " characters");
        }
        List<String> words = Highlighter.words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        String terms = String.join(" ", words);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.title, a.body, c.name,"
                        + " MATCH (a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE) AS score"
                        + " FROM kb_articles a JOIN kb_categories c ON c.id = a.category_id"
                        + " WHERE c.product_code = ? AND MATCH (a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE)"
                        + " ORDER BY score DESC, a.title LIMIT " + MAX_HITS)
                .setParameter(1, terms).setParameter(2, normalized(productCode)).setParameter(3, terms).getResultList();
        return rows.stream().map(r -> new Hit((String) r[0], (String) r[1], Highlighter.mark((String) r[1], words), (String) r[3],
                Highlighter.snippet((String) r[2], words), ((Number) r[4]).doubleValue())).toList();
    }

    public Category addCategory(String productCode, String name, int position) {
        operators.requireOperator();
        Product product = productCode == null ? null : em.find(Product.class, normalized(productCode));
        if (product == null) {
            throw KeyholdException.badRequest("product", "is not a product of the catalogue");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw KeyholdException.badRequest("name", "is required, up to 100 characters");
        }
        KbCategory category = new KbCategory(product.getCode(), clean, position);
        em.persist(category);
        activityLog.record(null, ActivityActions.KB_CHANGED, ActivityActions.KB, category.getId(),
                product.getCode() + ": support category '" + clean + "' added");
        return new Category(category.getId(), clean, List.of());
    }

    public Article addArticle(String categoryId, String title, String body, boolean popular) {
        operators.requireOperator();
        KbCategory category = categoryId == null || categoryId.length() > 36 ? null : em.find(KbCategory.class, categoryId);
        if (category == null) {
            throw KeyholdException.notFound("Category");
        }
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        requireArticle(cleanTitle, cleanBody);
        KbArticle article = new KbArticle(category.getId(), cleanTitle, cleanBody, popular, clock.instant());
        em.persist(article);
        activityLog.record(null, ActivityActions.KB_CHANGED, ActivityActions.KB, article.getId(),
                category.getProductCode() + ": article '" + cleanTitle + "' added to '" + category.getName() + "'");
        return new Article(article.getId(), cleanTitle, cleanBody);
    }

    /** The editor's view of a product: its categories in order, each with all its articles. */
    public List<EditableCategory> editable(String productCode) {
        operators.requireOperator();
        return em.createQuery("SELECT c FROM KbCategory c WHERE c.productCode = :p ORDER BY c.position, c.name", KbCategory.class)
                .setParameter("p", normalized(productCode)).getResultStream()
                .map(c -> new EditableCategory(c.getId(), c.getName(), c.getPosition(), em.createQuery(
                                "SELECT a FROM KbArticle a WHERE a.categoryId = :c ORDER BY a.title, a.id", KbArticle.class)
                        .setParameter("c", c.getId()).getResultStream()
                        .map(a -> new EditableArticle(a.getId(), c.getId(), a.getTitle(), a.getBody(), a.isPopular())).toList()))
                .toList();
    }

    public Article updateArticle(String articleId, String title, String body, boolean popular) {
        operators.requireOperator();
        KbArticle article = articleId == null || articleId.length() > 36 ? null : em.find(KbArticle.class, articleId);
        if (article == null) {
            throw KeyholdException.notFound("Article");
        }
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        requireArticle(cleanTitle, cleanBody);
        article.revise(cleanTitle, cleanBody, popular);
        activityLog.record(null, ActivityActions.KB_CHANGED, ActivityActions.KB, article.getId(),
                "article '" + cleanTitle + "' edited" + (popular ? " (a popular topic)" : ""));
        return new Article(article.getId(), cleanTitle, cleanBody);
    }

    /** Removes a category with its articles (the database cascades); the editor asks first. */
    public void removeCategory(String categoryId) {
        operators.requireOperator();
        KbCategory category = categoryId == null || categoryId.length() > 36 ? null : em.find(KbCategory.class, categoryId);
        if (category == null) {
            throw KeyholdException.notFound("Category");
        }
        long articles = em.createQuery("SELECT COUNT(a) FROM KbArticle a WHERE a.categoryId = :c", Long.class)
                .setParameter("c", categoryId).getSingleResult();
        em.remove(category);
        activityLog.record(null, ActivityActions.KB_CHANGED, ActivityActions.KB, category.getId(), category.getProductCode()
                + ": support category '" + category.getName() + "' removed with its " + articles + " article(s)");
    }

    private static void requireArticle(String title, String body) {
        if (title.isEmpty() || title.length() > 200 || body.isEmpty() || body.length() > 60_000) {
            throw KeyholdException.badRequest("title", "title (up to 200 characters) and body (up to 60,000) are required");
        }
    }

    public void removeArticle(String articleId) {
        operators.requireOperator();
        KbArticle article = articleId == null || articleId.length() > 36 ? null : em.find(KbArticle.class, articleId);
        if (article == null) {
            throw KeyholdException.notFound("Article");
        }
        em.remove(article);
        activityLog.record(null, ActivityActions.KB_CHANGED, ActivityActions.KB, article.getId(),
                "article '" + article.getTitle() + "' removed");
    }

    private static String normalized(String productCode) {
        return productCode == null ? "" : productCode.strip().toUpperCase(Locale.ROOT);
    }
}
