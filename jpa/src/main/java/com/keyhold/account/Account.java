package com.keyhold.account;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A personal or business account: the unit of tenancy, owning subscriptions, keys and computers. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountType type;

    @Column(nullable = false, length = 200)
    private String name;

    /** Business accounts only: quoted to the vendor's support (A2), format NNNNN-NNNNN. */
    @Column(name = "support_code", length = 11, unique = true)
    private String supportCode;

    @Column(name = "company_country", length = 100)
    private String companyCountry;

    @Column(name = "company_zip", length = 20)
    private String companyZip;

    @Column(name = "company_phone", length = 50)
    private String companyPhone;

    @Column(name = "company_street", length = 200)
    private String companyStreet;

    @Column(name = "company_city", length = 100)
    private String companyCity;

    @Column(name = "company_state", length = 100)
    private String companyState;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** SPEC S3: whether the operator allowed offline activation and refresh by request files. */
    @Column(name = "offline_operations", nullable = false)
    private boolean offlineOperations;

    @Version
    private long version;

    protected Account() {
    }

    private Account(AccountType type, String name, Instant now) {
        this.id = Ids.newId();
        this.type = type;
        this.name = Objects.requireNonNull(name).strip();
        this.createdAt = now;
    }

    public static Account personal(String ownerDisplayName, Instant now) {
        return new Account(AccountType.PERSONAL, ownerDisplayName, now);
    }

    /** A company's account, created when a business key is registered from the personal account (A2). */
    public static Account business(CompanyDetails company, String supportCode, Instant now) {
        Account account = new Account(AccountType.BUSINESS, company.name(), now);
        account.supportCode = supportCode;
        account.updateCompany(company);
        return account;
    }

    public boolean isOfflineOperations() {
        return offlineOperations;
    }

    public void setOfflineOperations(boolean enabled) {
        this.offlineOperations = enabled;
    }

    public void updateCompany(CompanyDetails company) {
        this.name = company.name().strip();
        this.companyCountry = company.country();
        this.companyZip = company.zip();
        this.companyPhone = company.phone();
        this.companyStreet = company.street();
        this.companyCity = company.city();
        this.companyState = company.state();
    }

    public CompanyDetails getCompany() {
        return new CompanyDetails(name, companyCountry, companyZip, companyPhone, companyStreet, companyCity, companyState);
    }

    public String getSupportCode() {
        return supportCode;
    }

    public String getId() {
        return id;
    }

    public AccountType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
