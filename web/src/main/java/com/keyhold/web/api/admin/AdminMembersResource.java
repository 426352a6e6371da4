package com.keyhold.web.api.admin;

import com.keyhold.account.BulkOutcome;
import com.keyhold.account.InvitationView;
import com.keyhold.account.MemberAction;
import com.keyhold.account.MemberInvitationService;
import com.keyhold.account.MemberRole;
import com.keyhold.account.MemberView;
import com.keyhold.account.MembershipService;
import com.keyhold.account.MembershipStatus;
import com.keyhold.common.KeyholdException;
import com.keyhold.user.Language;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Members of the caller's business account and invitations to join (SPEC A5–A8): an extension of
 * CONTRACT section 6 for administrators' scripts, with the same rules as the Business Profile page.
 */
@Path("/v1/admin/members")
@Produces(MediaType.APPLICATION_JSON)
public class AdminMembersResource {

    /** A member: {@code keyIds} are the keys a license administrator manages. */
    public record MemberJson(String userId, String firstName, String lastName, String email, String role, String status,
            String notes, Instant memberSince, List<String> keyIds) {
        static MemberJson of(MemberView m) {
            return new MemberJson(m.getUserId(), m.getFirstName(), m.getLastName(), m.getEmail(), m.getRole().name(),
                    m.getStatus().name(), m.getNotes(), m.getMemberSince(), m.getKeyIds());
        }
    }

    /** The membership dialog's changes; absent fields stay as they are. */
    public record MemberChange(String role, List<String> keyIds, String notes, Boolean blocked) {
    }

    /** {@code keyId}: invite as license administrators of this key. */
    public record InvitationRequest(List<String> emails, String language, Integer expiresInDays, String keyId) {
    }

    /** {@code emailDelivery}: QUEUED, SENT, RETRYING or FAILED, with {@code emailError} from the last failed attempt. */
    public record InvitationJson(String id, String email, String language, String keyId, Instant createdAt,
            Instant expiresAt, String status, String emailDelivery, String emailError) {
        static InvitationJson of(InvitationView i) {
            return new InvitationJson(i.getId(), i.getEmail(), i.getLanguage(), i.getLicenseKeyId(), i.getCreatedAt(),
                    i.getExpiresAt(), i.getStatus().name(), i.getEmailDelivery() == null ? null : i.getEmailDelivery().name(),
                    i.getEmailError());
        }
    }

    /** The Users list's bulk actions: the members' user ids. */
    public record BulkRequest(List<String> userIds) {
    }

    /** What a bulk action did; {@code refused} lists each member left as they were, with its reason. */
    public record BulkJson(List<String> changed, List<String> unchanged, List<RefusalJson> refused) {
        static BulkJson of(BulkOutcome o) {
            return new BulkJson(o.changed(), o.unchanged(), o.refused().stream()
                    .map(r -> new RefusalJson(r.userId(), r.email(), r.reason().name(), r.message())).toList());
        }
    }

    /** {@code reason}: YOURSELF, LAST_ADMINISTRATOR or NOT_A_MEMBER. */
    public record RefusalJson(String userId, String email, String reason, String message) {
    }

    @EJB
    MembershipService members;

    @EJB
    MemberInvitationService invitations;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "Members of the account (administrators)", description = "q searches names and email;"
            + " role=ACCOUNT_ADMINISTRATOR|LICENSE_ADMINISTRATOR|REGULAR_MEMBER; status=ACTIVE|BLOCKED")
    public Map<String, List<MemberJson>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("q") String search, @QueryParam("role") String role, @QueryParam("status") String status) {
        return Map.of("items", members.members(caller(), accountId, search, parse(MemberRole.class, "role", role),
                parse(MembershipStatus.class, "status", status)).stream().map(MemberJson::of).toList());
    }

    @GET
    @Path("/{userId}")
    public MemberJson get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("userId") String userId) {
        return MemberJson.of(members.member(caller(), accountId, userId));
    }

    @PATCH
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member's role, keys, notes, or block/unblock them",
            description = "409 LAST_ADMINISTRATOR when the last active administrator would be demoted or blocked (A8)")
    public MemberJson change(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("userId") String userId,
            MemberChange body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        return MemberJson.of(members.update(caller(), accountId, userId, parse(MemberRole.class, "role", body.role()),
                body.keyIds(), body.notes(), body.blocked()));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a member (A7); they are told by email and can be invited again")
    public Response remove(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("userId") String userId) {
        members.remove(caller(), accountId, userId);
        return Response.noContent().build();
    }

    @POST
    @Path("/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block, unblock or remove several members at once (A7, A8)",
            description = "action: block, unblock or remove; {\"userIds\": [...]} (1-500) → 200 {changed, unchanged, refused}."
                    + " Each member is decided on their own: the allowed changes apply; the caller themselves (block, remove),"
                    + " the last active account administrator and ids that are not members are left and listed in refused"
                    + " with a reason")
    public BulkJson bulk(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("action") String action,
            BulkRequest body) {
        MemberAction memberAction = parse(MemberAction.class, "action", action);
        if (memberAction == null) {
            throw KeyholdException.badRequest("action", "must be one of block, unblock, remove");
        }
        return BulkJson.of(members.bulk(caller(), accountId, memberAction, body == null ? null : body.userIds()));
    }

    @DELETE
    @Path("/me")
    @Operation(summary = "Leave this business account", description = "409 LAST_ADMINISTRATOR for the last active administrator (A8)")
    public Response leave(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        members.leave(caller(), accountId);
        return Response.noContent().build();
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite users to join (A5)", description = "emails (1–50), language EN|DE, expiresInDays (1–30,"
            + " default 7), keyId (optional: they join as license administrators of this key) → 201 {items}")
    public Response invite(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, InvitationRequest body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        Language language = body.language() == null ? null : parse(Language.class, "language", body.language());
        List<InvitationJson> sent = invitations.invite(caller(), accountId, body.emails(), language, body.keyId(),
                body.expiresInDays()).stream().map(InvitationJson::of).toList();
        return Response.status(Response.Status.CREATED).entity(Map.of("items", sent)).build();
    }

    @GET
    @Path("/invitations")
    public Map<String, List<InvitationJson>> invitations(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        return Map.of("items", invitations.invitations(caller(), accountId).stream().map(InvitationJson::of).toList());
    }

    @DELETE
    @Path("/invitations/{id}")
    @Operation(summary = "Withdraw an invitation: its link stops working at once")
    public InvitationJson revoke(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return InvitationJson.of(invitations.revoke(caller(), accountId, id));
    }

    @POST
    @Path("/invitations/{id}/resend")
    @Operation(summary = "Resend an invitation to join (A5)", description = "A pending or expired invitation goes out again"
            + " with a new link and a new expiry, as a new invitation (returned); the earlier link stops working."
            + " An accepted one → 409 CODE_ALREADY_USED, a withdrawn one → 400")
    public InvitationJson resend(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return InvitationJson.of(invitations.resend(caller(), accountId, id));
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KeyholdException.badRequest(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
