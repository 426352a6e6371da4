package com.keyhold.subscription;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.user.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Operator-only use cases (SPEC O1) check their caller here, whatever interface they came through. */
@Stateless
public class OperatorAccess {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    public void require(String userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null || !user.isOperator()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Only the vendor's operators may do this.");
        }
    }
}
