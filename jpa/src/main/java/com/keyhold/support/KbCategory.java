package com.keyhold.support;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A support category of a product (SPEC T4), as the Support page lists them. */
@Entity
@Table(name = "kb_categories")
public class KbCategory {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "product_code", nullable = false, length = 32)
    private String productCode;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private int position;

    protected KbCategory() {
    }

    public KbCategory(String productCode, String name, int position) {
        this.id = Ids.newId();
        this.productCode = productCode;
        this.name = name;
        this.position = position;
    }

    public String getId() {
        return id;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }
}
