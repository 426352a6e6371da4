package com.keyhold.web.pages;

import com.keyhold.account.CompanyDetails;
import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.RegistrationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Register Key page (SPEC L2, A2): a key goes into the selected account; a business key
 * registered from the personal account creates a business account from the company details.
 */
@Named
@RequestScoped
public class RegisterKeyPage {

    @EJB
    RegistrationService registrations;

    @Inject
    SessionUser currentUser;

    private String key;
    private String name;
    private String companyName;
    private String country;
    private String zip;
    private String phone;
    private String street;
    private String city;
    private String state;

    public String register() {
        boolean personalSelected = currentUser.getSelectedAccount().getType() == com.keyhold.account.AccountType.PERSONAL;
        CompanyDetails company = blank(companyName) && blank(country) && blank(zip) && blank(phone) ? null
                : new CompanyDetails(companyName, country, zip, phone, street, city, state);
        RegistrationService.Registered registered;
        try {
            registered = registrations.register(currentUser.getUserId(),
                    personalSelected ? null : currentUser.getSelectedAccountId(), key, name, company);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        currentUser.setSelectedAccountId(registered.accountId());
        Messages.info("registerKey.done");
        return "/app/subscription.xhtml?faces-redirect=true&id=" + registered.subscriptionId();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
