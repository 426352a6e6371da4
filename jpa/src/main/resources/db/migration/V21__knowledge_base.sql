-- Issue 16, SPEC T4: support categories per product and the knowledge base's articles, searched
-- with MariaDB/MySQL FULLTEXT (which two instances on one database share, unlike an in-memory index).
CREATE TABLE kb_categories (
    id           CHAR(36)     NOT NULL,
    product_code VARCHAR(32)  NOT NULL,
    name         VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL,
    position     INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_kb_categories_product (product_code, position),
    CONSTRAINT fk_kb_categories_product FOREIGN KEY (product_code) REFERENCES products (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE kb_articles (
    id          CHAR(36)     NOT NULL,
    category_id CHAR(36)     NOT NULL,
    title       VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    body        TEXT         COLLATE utf8mb4_unicode_ci NOT NULL,
    popular     BOOLEAN      NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_kb_articles_category (category_id, popular),
    FULLTEXT KEY ft_kb_articles (title, body),
    CONSTRAINT fk_kb_articles_category FOREIGN KEY (category_id) REFERENCES kb_categories (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
