package com.keyhold.support;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A knowledge-base article (SPEC T4), written by operators; popular ones are a category's popular topics. */
@Entity
@Table(name = "kb_articles")
public class KbArticle {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "category_id", nullable = false, length = 36)
    private String categoryId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean popular;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected KbArticle() {
    }

    public KbArticle(String categoryId, String title, String body, boolean popular, Instant now) {
        this.id = Ids.newId();
        this.categoryId = categoryId;
        this.title = title;
        this.body = body;
        this.popular = popular;
        this.createdAt = now;
    }

    /** An operator's edit in the knowledge-base editor (SPEC T4). */
    public void revise(String newTitle, String newBody, boolean nowPopular) {
        this.title = newTitle;
        this.body = newBody;
        this.popular = nowPopular;
    }

    public String getId() {
        return id;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public boolean isPopular() {
        return popular;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
