package com.keyhold.server;

import com.keyhold.expiry.ExpirySweep;
import com.keyhold.invitation.InvitationExpirySweep;
import com.keyhold.licensekey.KeyTrimmer;
import com.keyhold.mail.EmailSender;
import com.keyhold.proxy.ProxyUsageSweep;
import com.keyhold.sso.InactivityRevocationSweep;
import com.keyhold.sweep.SweepRun;
import com.keyhold.user.SignInGuard;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Every schedule of Keyhold in one place (README "Scheduled work"). The work itself lives in the
 * ejb module's services, which the operator API also runs on demand; this bean only says when. It
 * belongs to the full server: a check-in edge (edge/) deploys the services without it and so runs
 * no timer at all.
 *
 * <p>Persistent schedules are stored in Keyhold's database (the EJB timer service's table there), so
 * a run missed while the server was down happens at its start, and instances sharing the database
 * share each schedule. The sweeps run NOT_SUPPORTED: their batches commit on their own, and the
 * container's timer transaction holds only the timer's own row. The {@code info} names identify the
 * persistent timers in the timer table. Each run is logged at FINE ({@code com.keyhold.server}), which
 * is how the two-instance drill counts that a schedule ran once on the whole deployment group.
 */
@Stateless
public class ScheduledWork {

    private static final Logger LOG = Logger.getLogger(ScheduledWork.class.getName());

    @EJB
    ExpirySweep expirySweep;

    @EJB
    InvitationExpirySweep invitationSweep;

    @EJB
    ProxyUsageSweep usageSweep;

    @EJB
    InactivityRevocationSweep inactivitySweep;

    @EJB
    KeyTrimmer keyTrimmer;

    @EJB
    SignInGuard signInGuard;

    @EJB
    EmailSender emailSender;

    /** SPEC E1–E3: expiries recorded, warnings emailed. */
    @Schedule(hour = "*", minute = "23", persistent = true, info = "expiry sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expirySweep() {
        LOG.fine("expiry sweep runs");
        SweepRun run = expirySweep.run();
        if (run.processed() > 0) {
            LOG.info(() -> "Expiry sweep recorded or warned " + run.processed() + " times in " + run.batches()
                    + " batches, the longest " + run.longestBatch().toMillis() + " ms");
        }
    }

    /** Install invitations past their validity are marked expired. */
    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "invitation sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void invitationSweep() {
        LOG.fine("invitation sweep runs");
        SweepRun run = invitationSweep.run();
        if (run.processed() > 0) {
            LOG.info(() -> "Invitation sweep marked " + run.processed() + " expired invitations");
        }
    }

    /** Proxy servers that stopped reporting usage are flagged, their administrators warned. */
    @Schedule(hour = "*", minute = "41", persistent = true, info = "usage sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void usageSweep() {
        LOG.fine("usage sweep runs");
        SweepRun run = usageSweep.run();
        if (run.processed() > 0) {
            LOG.info(() -> "Usage sweep flagged or warned " + run.processed() + " times");
        }
    }

    /** SPEC O3: computers of SSO users silent past the account's limit are deactivated. */
    @Schedule(hour = "*", minute = "53", persistent = true, info = "inactivity sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void inactivitySweep() {
        LOG.fine("inactivity sweep runs");
        SweepRun run = inactivitySweep.run();
        if (run.processed() > 0) {
            LOG.info(() -> "Inactivity sweep deactivated " + run.processed() + " silent computers");
        }
    }

    /** Per instance, not persistent: it only finishes trims a crash left, and the row locks make it safe twice. */
    @Schedule(hour = "*", minute = "*", persistent = false, info = "key trims")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void keyTrims() {
        LOG.fine("key trims runs");
        SweepRun run = keyTrimmer.run();
        if (run.processed() > 0) {
            LOG.info(() -> "Key trims deactivated " + run.processed() + " installations in " + run.batches() + " batches");
        }
    }

    /** Hourly, per instance: old sign-in attempts and empty throttle rows go. */
    @Schedule(hour = "*", minute = "17", persistent = false, info = "sign-in attempts purge")
    public void purgeSignInAttempts() {
        LOG.fine("sign-in attempts purge runs");
        signInGuard.purgeOldAttempts();
    }

    /** Every 15 s, per instance: emails that failed are retried, and anything a crash left unsent is sent. */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "email retries")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void retryEmails() {
        LOG.fine("email retries runs");
        emailSender.retryDue();
    }
}
