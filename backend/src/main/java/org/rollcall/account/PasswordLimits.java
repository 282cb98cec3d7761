package org.rollcall.account;

import org.rollcall.web.LimitsPart;
import org.springframework.stereotype.Component;

/** {@code password} in GET /api/limits: the length bean validation asks of every new password (PasswordRules). */
@Component
class PasswordLimits implements LimitsPart {

    record Length(int minLength, int maxLength) {}

    @Override
    public String name() {
        return "password";
    }

    @Override
    public Length limits() {
        return new Length(PasswordRules.MIN_LENGTH, PasswordRules.MAX_LENGTH);
    }
}
