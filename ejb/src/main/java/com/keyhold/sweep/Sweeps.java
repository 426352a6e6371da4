package com.keyhold.sweep;

import com.keyhold.common.KeyholdException;
import com.keyhold.expiry.ExpirySweep;
import com.keyhold.invitation.InvitationExpirySweep;
import com.keyhold.proxy.ProxyUsageSweep;
import com.keyhold.subscription.OperatorAccess;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The scheduled sweeps, run now on an operator's request (CONTRACT section 7:
 * {@code POST /api/v1/operator/sweeps/{name}}): the same work the timer does, safe to run twice.
 * An unknown name answers "not found".
 */
@Stateless
public class Sweeps {

    @EJB
    OperatorAccess operators;

    @EJB
    InvitationExpirySweep invitations;

    @EJB
    ExpirySweep expiry;

    @EJB
    ProxyUsageSweep usage;

    @EJB
    com.keyhold.licensekey.KeyTrimmer keyTrims;

    @EJB
    com.keyhold.sso.InactivityRevocationSweep inactivity;

    /** @return what the run changed and how long its batches took */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run(String name) {
        operators.requireOperator();
        if ("invitations".equals(name)) {
            return invitations.run();
        }
        if ("expiry".equals(name)) {
            return expiry.run();
        }
        if ("usage".equals(name)) {
            return usage.run();
        }
        if ("inactivity".equals(name)) {
            return inactivity.run();
        }
        if ("key-trims".equals(name)) {
            return keyTrims.run();
        }
        throw KeyholdException.notFound("Sweep");
    }
}
