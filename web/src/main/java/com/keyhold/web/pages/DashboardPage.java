package com.keyhold.web.pages;

import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.ProductCard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The dashboard (SPEC L11): one card per product of the selected account, with live counts. */
@Named
@RequestScoped
public class DashboardPage {

    @EJB
    AccountSubscriptions subscriptions;

    @Inject
    SessionUser currentUser;

    private List<ProductCard> cards;

    public List<ProductCard> getCards() {
        if (cards == null) {
            cards = subscriptions.productCards(currentUser.getUserId(), currentUser.getSelectedAccountId());
        }
        return cards;
    }
}
