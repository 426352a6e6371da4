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
    private final CompanyForm company = new CompanyForm();

    public String register() {
        boolean personalSelected = currentUser.getSelectedAccount().getType() == com.keyhold.account.AccountType.PERSONAL;
        CompanyDetails details = company.isBlank() ? null : company.toDetails();
        RegistrationService.Registered registered;
        try {
            registered = registrations.register(currentUser.getUserId(),
                    personalSelected ? null : currentUser.getSelectedAccountId(), key, name, details);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        currentUser.setSelectedAccountId(registered.accountId());
        Messages.info("registerKey.done");
        return "/app/subscription.xhtml?faces-redirect=true&id=" + registered.subscriptionId();
    }

    public CompanyForm getCompany() {
        return company;
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
}
