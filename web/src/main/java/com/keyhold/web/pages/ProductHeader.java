package com.keyhold.web.pages;

import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.ProductCard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The header of a product's pages as the seed has it (issue 12): a breadcrumb Dashboard &gt; product,
 * and the links Registered Computers (n), Download and More. The counts are the dashboard card's
 * (SPEC L11), read once per request.
 */
@Named
@RequestScoped
public class ProductHeader {

    @EJB
    AccountSubscriptions subscriptions;

    @Inject
    SessionUser currentUser;

    /** The code that asks for the account's fleet (per-managed-Mac) product, whatever its product code. */
    public static final String FLEET = "@fleet";

    private List<ProductCard> cards;

    /**
     * The card of the product with this code; with no code, the account's first product of the desktop
     * kind (the computers page shows that product's computers), else its first product; null when the
     * account has no product at all. {@value #FLEET} stands for the account's fleet product (the Proxy
     * Servers page is that product's).
     */
    public ProductCard card(String productCode) {
        if (cards == null) {
            cards = subscriptions.productCards(currentUser.getUserId(), currentUser.getSelectedAccountId());
        }
        if (FLEET.equals(productCode)) {
            return cards.stream().filter(ProductCard::isProxyServers).findFirst().orElse(null);
        }
        if (productCode != null && !productCode.isBlank()) {
            return cards.stream().filter(c -> c.getProductCode().equals(productCode)).findFirst().orElse(null);
        }
        return cards.stream().filter(c -> !c.isProxyServers()).findFirst()
                .orElse(cards.isEmpty() ? null : cards.get(0));
    }
}
