package com.keyhold.subscription;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product of the vendor's catalogue (SPEC O1); the migrations seed the desktop, fleet and toolbox products. */
@Entity
@Table(name = "products")
@Cacheable
public class Product {

    @Id
    @Column(length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ProductKind kind;

    /** Business products register into business accounts; the others into the personal account (A2). */
    @Column(nullable = false)
    private boolean business;

    protected Product() {
    }

    public Product(String code, String name, ProductKind kind, boolean business) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.business = business;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public ProductKind getKind() {
        return kind;
    }

    public boolean isBusiness() {
        return business;
    }
}
