package com.keyhold.web.pages;

import com.keyhold.subscription.ProductService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The downloads page of a product (T3), where invitations to install send their users. Until the
 * installers are published here (the support and downloads issue), it names the product and tells
 * the user to ask their administrator for the installer.
 */
@Named
@RequestScoped
public class DownloadPage {

    @EJB
    ProductService products;

    private String productName;

    @PostConstruct
    void load() {
        Object code = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(DownloadsServlet.PRODUCT_ATTRIBUTE);
        productName = code instanceof String c ? products.publicName(c).orElse(null) : null;
    }

    /** The product's name, or null when the address names no product. */
    public String getProductName() {
        return productName;
    }
}
