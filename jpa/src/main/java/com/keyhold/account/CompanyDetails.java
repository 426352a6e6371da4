package com.keyhold.account;

/** A business account's company (SPEC A2): name, country, ZIP and phone required; the rest optional. */
public record CompanyDetails(String name, String country, String zip, String phone, String street, String city,
        String state) {
}
