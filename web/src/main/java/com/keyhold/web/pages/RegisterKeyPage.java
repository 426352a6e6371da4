package com.keyhold.web.pages;

import com.keyhold.account.AccountType;
import com.keyhold.account.CompanyDetails;
import com.keyhold.account.KeyRecognition;
import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.RegistrationService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * The Register Key page (SPEC L2, A2), as the seed's steps go: the key (and a name for the
 * subscription) and Register. From the personal account, a business product's key then asks for the
 * company in the "Provide your business details" dialog, and registering it creates the business
 * account with the user as its administrator; a personal product's key registers straight away. In
 * a business account the key goes into that account.
 */
@Named
@ViewScoped
public class RegisterKeyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RegistrationService registrations;

    @EJB
    KeyRecognition keys;

    @Inject
    SessionUser currentUser;

    private String key;
    private String name;
    private final CompanyForm company = new CompanyForm();

    /** Register on the page: a business key from the personal account opens the business details dialog first. */
    public String register() {
        if (personalSelected()) {
            try {
                if (keys.recognise(key) == KeyRecognition.Kind.BUSINESS) {
                    PrimeFaces.current().executeScript("PF('businessDialog').show()");
                    return null;
                }
            } catch (KeyholdException refused) {
                Messages.error(refused);
                return null;
            }
        }
        return registerWith(null);
    }

    /** Register in the business details dialog. */
    public String registerBusiness() {
        return registerWith(company.toDetails());
    }

    private String registerWith(CompanyDetails details) {
        RegistrationService.Registered registered;
        try {
            registered = registrations.register(currentUser.getUserId(),
                    personalSelected() ? null : currentUser.getSelectedAccountId(), key, name, details);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        currentUser.setSelectedAccountId(registered.accountId());
        Messages.info("registerKey.done");
        return "/app/subscription.xhtml?faces-redirect=true&id=" + registered.subscriptionId();
    }

    private boolean personalSelected() {
        return currentUser.getSelectedAccount().getType() == AccountType.PERSONAL;
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
