package com.keyhold.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The Business Profile page's General tab (SPEC A4): the company box, the viewer's membership box and
 * the list of administrators. Getters for Expression Language.
 */
public class BusinessProfile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String supportCode;
    private final String companyName;
    private final String country;
    private final String zip;
    private final String phone;
    private final String street;
    private final String city;
    private final String state;
    private final MemberRole myRole;
    private final Instant memberSince;
    private final List<MemberView> administrators;

    BusinessProfile(Account account, Membership mine, List<MemberView> administrators) {
        CompanyDetails company = account.getCompany();
        this.accountId = account.getId();
        this.supportCode = account.getSupportCode();
        this.companyName = company.name();
        this.country = company.country();
        this.zip = company.zip();
        this.phone = company.phone();
        this.street = company.street();
        this.city = company.city();
        this.state = company.state();
        this.myRole = mine.getRole();
        this.memberSince = mine.getMemberSince();
        this.administrators = List.copyOf(administrators);
    }

    public CompanyDetails company() {
        return new CompanyDetails(companyName, country, zip, phone, street, city, state);
    }

    public String getAccountId() {
        return accountId;
    }

    public String getSupportCode() {
        return supportCode;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getCountry() {
        return country;
    }

    public String getZip() {
        return zip;
    }

    public String getPhone() {
        return phone;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public MemberRole getMyRole() {
        return myRole;
    }

    public boolean isAdministrator() {
        return myRole == MemberRole.ACCOUNT_ADMINISTRATOR;
    }

    public Instant getMemberSince() {
        return memberSince;
    }

    public List<MemberView> getAdministrators() {
        return administrators;
    }
}
