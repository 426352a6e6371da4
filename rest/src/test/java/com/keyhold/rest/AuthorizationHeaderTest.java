package com.keyhold.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.rest.ApiError;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void bearerTokensAreReadWhateverTheSchemeCase() {
        assertEquals("khp_abc", AuthorizationHeader.bearer("Bearer khp_abc").orElseThrow());
        assertEquals("khp_abc", AuthorizationHeader.bearer("bearer   khp_abc ").orElseThrow());
    }

    @Test
    void otherSchemesAndJunkAreNotBearerTokens() {
        assertTrue(AuthorizationHeader.bearer(null).isEmpty());
        assertTrue(AuthorizationHeader.bearer("Bearer").isEmpty());
        assertTrue(AuthorizationHeader.bearer("Bearer ").isEmpty());
        assertTrue(AuthorizationHeader.bearer("Basic khp_abc").isEmpty());
        assertTrue(AuthorizationHeader.bearer("Bearer a b").isEmpty());
    }

    @Test
    void basicCredentialsKeepColonsInThePassword() {
        String encoded = Base64.getEncoder().encodeToString("ann@example.com:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
        AuthorizationHeader.BasicCredentials credentials = AuthorizationHeader.basic("Basic " + encoded).orElseThrow();
        assertEquals("ann@example.com", credentials.username());
        assertEquals("pa:ss wörd", credentials.password());
    }

    @Test
    void malformedBasicCredentialsAreIgnored() {
        assertTrue(AuthorizationHeader.basic("Basic !!!notbase64").isEmpty());
        assertTrue(AuthorizationHeader.basic("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).isEmpty());
        assertTrue(AuthorizationHeader.basic("Bearer x").isEmpty());
    }

    @Test
    void errorBodiesAreValidJsonEvenForHostileText() {
        String json = new ApiError("BAD_REQUEST", "quote \" backslash \\ newline \n bell \u0007",
                List.of(new Violation("email", "is \"odd\""))).toJson();
        assertEquals("{\"code\":\"BAD_REQUEST\",\"message\":\"quote \\\" backslash \\\\ newline \\n bell \\u0007\","
                + "\"violations\":[{\"field\":\"email\",\"message\":\"is \\\"odd\\\"\"}]}", json);
        assertEquals("{\"code\":\"UNAUTHORIZED\",\"message\":\"x\"}", ApiError.of(ErrorCode.UNAUTHORIZED, "x").toJson());
    }
}
