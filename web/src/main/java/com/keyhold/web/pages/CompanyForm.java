package com.keyhold.web.pages;

import com.keyhold.account.CompanyDetails;
import java.io.Serializable;

/**
 * The company fields of a form (SPEC A2, A4): name, country, ZIP and phone required, street, city
 * and state optional; the Register Key page's business details dialog and the Business Profile's
 * Edit dialog share them. The country is chosen from a list and carried as its ISO 3166-1 code
 * ({@link Countries}). The rules are the service's ({@code CompanyValidation}); this only carries
 * what was typed.
 */
public class CompanyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String country;
    private String zip;
    private String phone;
    private String street;
    private String city;
    private String state;
    /** A country stored as free text before countries were codes, when no code matches it: shown beside the list. */
    private String storedCountry;

    /**
     * Fills the form with a company's current details, for editing. A country stored as free text is
     * preselected when it names a country in English or German; otherwise the list starts empty and
     * the text stays visible, so the administrator can choose its code.
     */
    public void fill(String name, String country, String zip, String phone, String street, String city, String state) {
        this.name = name;
        this.country = Countries.codeFor(country);
        this.storedCountry = this.country == null && country != null && !country.isBlank() ? country : null;
        this.zip = zip;
        this.phone = phone;
        this.street = street;
        this.city = city;
        this.state = state;
    }

    /** Whether none of the required fields was typed (Register Key: no company given). */
    public boolean isBlank() {
        return blank(name) && blank(country) && blank(zip) && blank(phone);
    }

    public CompanyDetails toDetails() {
        return new CompanyDetails(name, country, zip, phone, street, city, state);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getStoredCountry() {
        return storedCountry;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
