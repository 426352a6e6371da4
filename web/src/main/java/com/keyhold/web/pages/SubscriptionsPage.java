package com.keyhold.web.pages;

import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.SubscriptionView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The subscriptions list (SPEC L3): Display filter, search, Arrange by with a direction; opened from a
 * product card it shows that product's subscriptions ({@code ?product=CODE}), and
 * {@code ?display=ALL} opens it unfiltered (the card's All Subscriptions).
 */
@Named
@ViewScoped
public class SubscriptionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountSubscriptions subscriptions;

    @Inject
    SessionUser currentUser;

    private AccountSubscriptions.Display display = AccountSubscriptions.Display.ACTIVE;
    private AccountSubscriptions.Arrange arrange = AccountSubscriptions.Arrange.END_DATE;
    private boolean descending;
    private String search;
    private String product;
    private transient List<SubscriptionView> items;

    @jakarta.annotation.PostConstruct
    void init() {
        java.util.Map<String, String> parameters = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap();
        String code = parameters.get("product");
        product = code == null || code.isBlank() ? null : code.strip();
        String shown = parameters.get("display");
        if (shown != null) {
            try {
                display = AccountSubscriptions.Display.valueOf(shown.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // an unknown choice in the address opens the default
            }
        }
    }

    public List<SubscriptionView> getItems() {
        if (items == null) {
            items = subscriptions.list(currentUser.getUserId(), currentUser.getSelectedAccountId(), display, search, arrange,
                    descending, product);
        }
        return items;
    }

    public String getProduct() {
        return product;
    }

    public boolean isDescending() {
        return descending;
    }

    public void setDescending(boolean descending) {
        this.descending = descending;
    }

    /** Filters changed: read the list again. */
    public void refresh() {
        items = null;
    }

    public AccountSubscriptions.Display[] getDisplays() {
        return AccountSubscriptions.Display.values();
    }

    public AccountSubscriptions.Arrange[] getArranges() {
        return AccountSubscriptions.Arrange.values();
    }

    public AccountSubscriptions.Display getDisplay() {
        return display;
    }

    public void setDisplay(AccountSubscriptions.Display display) {
        this.display = display;
    }

    public AccountSubscriptions.Arrange getArrange() {
        return arrange;
    }

    public void setArrange(AccountSubscriptions.Arrange arrange) {
        this.arrange = arrange;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
