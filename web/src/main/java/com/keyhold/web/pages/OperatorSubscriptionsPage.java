package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.IssueSubscription;
import com.keyhold.subscription.OperatorSubscriptionRow;
import com.keyhold.subscription.Product;
import com.keyhold.subscription.ProductKind;
import com.keyhold.subscription.ProductService;
import com.keyhold.subscription.SubscriptionService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The operator's subscriptions page (SPEC O1): issue (primary key shown once), renew, change seats. */
@Named
@ViewScoped
public class OperatorSubscriptionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SubscriptionService subscriptions;

    @EJB
    ProductService products;

    @EJB
    com.keyhold.account.AccountService accountService;

    @Inject
    SessionUser currentUser;

    private String productCode;
    private String productName;
    private ProductKind productKind = ProductKind.ADD_ON;
    private boolean productBusiness = true;

    public void defineProduct() {
        try {
            products.define(currentUser.getUserId(), productCode, productName, productKind, productBusiness);
            productCode = null;
            productName = null;
            Messages.info("operator.defined");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public List<Product> getCatalogue() {
        return products.catalogue();
    }

    public ProductKind[] getProductKinds() {
        return ProductKind.values();
    }

    public String getProductCode() {
        return productCode;
    }

    public void setProductCode(String productCode) {
        this.productCode = productCode;
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public ProductKind getProductKind() {
        return productKind;
    }

    public void setProductKind(ProductKind productKind) {
        this.productKind = productKind;
    }

    public boolean isProductBusiness() {
        return productBusiness;
    }

    public void setProductBusiness(boolean productBusiness) {
        this.productBusiness = productBusiness;
    }

    private String product = "DESKTOP";
    private Integer seats = 10;
    private LocalDate startsAt = LocalDate.now(ZoneOffset.UTC);
    private LocalDate endsAt = LocalDate.now(ZoneOffset.UTC).plusYears(1);
    private String name;
    private Integer addOnQuantity = 0;
    private boolean autoRenewal;
    private boolean trial;
    private String contractDetails;
    private String issuedKey;
    private LocalDate renewUntil;
    private Integer newSeats;

    public void issue() {
        List<IssueSubscription.AddOn> addOns = addOnQuantity == null || addOnQuantity < 1 ? List.of()
                : subscriptions.addOnProducts().stream().map(p -> new IssueSubscription.AddOn(p.getCode(), addOnQuantity)).toList();
        try {
            issuedKey = subscriptions.issue(currentUser.getUserId(), new IssueSubscription(product,
                    seats == null ? 0 : seats, startsAt, endsAt, autoRenewal, name, trial, addOns, contractDetails, null, null))
                    .primaryKey();
            Messages.info("operator.issued");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void renew(String subscriptionId) {
        try {
            subscriptions.renew(currentUser.getUserId(), subscriptionId, renewUntil);
            Messages.info("operator.renewed");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /** SPEC S3: the vendor allows (or stops) offline activation by request files for the row's account. */
    public void toggleOfflineOperations(String accountId, boolean enabled) {
        try {
            accountService.setOfflineOperations(accountId, enabled);
            Messages.info(enabled ? "operator.offlineEnabled" : "operator.offlineDisabled");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void changeSeats(String subscriptionId) {
        try {
            subscriptions.changeSeats(currentUser.getUserId(), subscriptionId, newSeats == null ? 0 : newSeats);
            Messages.info("operator.seatsChanged");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public List<OperatorSubscriptionRow> getSubscriptions() {
        return subscriptions.all(currentUser.getUserId(), null, 0, 500);
    }

    public List<Product> getProducts() {
        return subscriptions.licensedProducts();
    }

    public String getIssuedKey() {
        return issuedKey;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    public LocalDate getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDate startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDate getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDate endsAt) {
        this.endsAt = endsAt;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getAddOnQuantity() {
        return addOnQuantity;
    }

    public void setAddOnQuantity(Integer addOnQuantity) {
        this.addOnQuantity = addOnQuantity;
    }

    public boolean isAutoRenewal() {
        return autoRenewal;
    }

    public void setAutoRenewal(boolean autoRenewal) {
        this.autoRenewal = autoRenewal;
    }

    public boolean isTrial() {
        return trial;
    }

    public void setTrial(boolean trial) {
        this.trial = trial;
    }

    public String getContractDetails() {
        return contractDetails;
    }

    public void setContractDetails(String contractDetails) {
        this.contractDetails = contractDetails;
    }

    public LocalDate getRenewUntil() {
        return renewUntil;
    }

    public void setRenewUntil(LocalDate renewUntil) {
        this.renewUntil = renewUntil;
    }

    public Integer getNewSeats() {
        return newSeats;
    }

    public void setNewSeats(Integer newSeats) {
        this.newSeats = newSeats;
    }
}
