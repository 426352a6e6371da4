package com.keyhold.subscription;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** The vendor's product catalogue (SPEC O1): operators list and define products. */
@Stateless
public class ProductService {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @EJB
    OperatorAccess operators;

    @EJB
    ActivityLog activityLog;

    public List<Product> catalogue() {
        operators.requireOperator();
        return em.createQuery("SELECT p FROM Product p ORDER BY p.kind, p.name", Product.class).getResultList();
    }

    /**
     * A product's public name for its downloads page (T3, the invitation's download link); product
     * names are public, so this asks for no caller.
     */
    public java.util.Optional<String> publicName(String code) {
        if (code == null || !code.matches("[A-Za-z][A-Za-z0-9_]{1,31}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(em.find(Product.class, code.toUpperCase(java.util.Locale.ROOT))).map(Product::getName);
    }

    /** Adds a product; its code is how subscriptions and scripts name it, so it never changes. */
    public Product define(String operatorId, String code, String name, ProductKind kind, boolean business) {
        operators.require(operatorId);
        List<Violation> violations = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            violations.add(new Violation("code", "2 to 32 capital letters, digits or underscores, starting with a letter"));
        } else if (em.find(Product.class, code) != null) {
            violations.add(new Violation("code", "is already in the catalogue"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        if (kind == null) {
            violations.add(new Violation("kind", "must be PER_COMPUTER, PER_MANAGED_MAC or ADD_ON"));
        }
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations);
        }
        Product product = new Product(code, name.strip(), kind, business);
        em.persist(product);
        activityLog.record(null, ActivityActions.PRODUCT_DEFINED, ActivityActions.PRODUCT, product.getCode(),
                "product " + product.getCode() + " '" + product.getName() + "' (" + kind + (business ? ", business" : "") + ") defined");
        return product;
    }
}
