package com.keyhold.subscription;

import com.keyhold.common.Callers;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.user.User;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Operator-only use cases (SPEC O1) check their caller here, whatever interface they came through:
 * the caller the container authenticated must be an operator. Every operator service method calls
 * one of these first, so a path the web module failed to protect still answers nothing.
 */
@Stateless
public class OperatorAccess {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Resource
    SessionContext context;

    /** The authenticated caller's id, when the caller is an operator. */
    public String requireOperator() {
        String callerId = Callers.callerId(context);
        requireOperatorUser(callerId);
        return callerId;
    }

    /** Refuses unless {@code userId} is the authenticated caller and an operator. */
    public void require(String userId) {
        requireOperatorUser(Callers.requireCaller(context, userId));
    }

    private void requireOperatorUser(String userId) {
        User user = em.find(User.class, userId);
        if (user == null || !user.isOperator()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Only the vendor's operators may do this.");
        }
    }
}
