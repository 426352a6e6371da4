package com.keyhold.proxy;

import com.keyhold.account.Account;
import com.keyhold.account.AccountAccess;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Honours an uploaded request file (SPEC S3, S4, S7, S9; CONTRACT section 4) for the uploader's
 * account: activation and refresh only where the operator enabled offline operations
 * ({@code OFFLINE_NOT_ENABLED}), deactivation always (a proxy must be able to give its key back). The
 * file's nonce is claimed in the same transaction as the operation, so one file is honoured once even
 * when uploaded twice at the same instant (the second waits on the nonce's row, then finds it taken),
 * and a refused operation leaves the nonce free.
 */
@Stateless
public class OfflineRequests {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess accounts;

    @EJB
    ProxyLicensing licensing;

    @EJB
    ActivityLog activity;

    /** The response file's type and bytes. */
    public record OfflineResponse(OfflineRequest.Type type, byte[] file) {
    }

    public OfflineResponse honour(String userId, String chosenAccountId, byte[] file) {
        Membership membership = accounts.actingMembership(userId, chosenAccountId);
        Permissions permissions = AccountAccess.requireComputerManager(membership);
        Account account = membership.getAccount();
        Instant now = clock.instant();
        OfflineRequest request = OfflineFiles.parse(file, now);
        if (request.type() != OfflineRequest.Type.DEACTIVATE && !account.isOfflineOperations()) {
            throw new KeyholdException(ErrorCode.OFFLINE_NOT_ENABLED,
                    "Offline operations are not enabled for this account; ask your vendor to enable them.");
        }
        claimNonce(request.nonce(), account.getId(), now);
        ProxyLicensing.Channel channel = new ProxyLicensing.Channel(account.getId());
        ProxyLicense license = switch (request.type()) {
            case ACTIVATE -> licensing.activate(request.licenseKey(), request.site(), channel);
            case REFRESH -> licensing.refresh(request.activationKey(), request.site().appVersion(), channel);
            case DEACTIVATE -> {
                licensing.deactivate(request.activationKey(), channel);
                yield licensing.license(licensing.proxy(request.activationKey(), channel), request.activationKey(), now);
            }
        };
        ProxyServer proxy = licensing.proxy(license.activationKey(), channel);
        if (!permissions.managesKey(proxy.getLicenseKey().getId())) {
            // a license administrator uploading a file of a key they do not manage: as if it did not exist
            throw KeyholdException.notFound("License key");
        }
        activity.record(account.getId(), ActivityActions.OFFLINE_REQUEST_HONOURED, ActivityActions.PROXY_SERVER, proxy.getId(),
                request.type() + " request file of proxy " + proxy.getServerName() + " (site " + proxy.getSiteCode() + ") honoured");
        return new OfflineResponse(request.type(), OfflineFiles.response(request.type(), license));
    }

    /**
     * S9: one request file, one answer. Claimed first, so a second upload of the same file waits here
     * for the first to finish and is then told it was replayed; a refused request rolls its claim back.
     */
    private void claimNonce(String nonce, String accountId, Instant now) {
        int claimed = em.createNativeQuery("INSERT IGNORE INTO offline_request_nonces (nonce, account_id, received_at)"
                        + " VALUES (?, ?, ?)")
                .setParameter(1, nonce).setParameter(2, accountId).setParameter(3, Timestamp.from(now)).executeUpdate();
        if (claimed != 1) {
            throw new KeyholdException(ErrorCode.REQUEST_REPLAYED,
                    "This request file has already been honoured; let the proxy write a new one.");
        }
    }
}
