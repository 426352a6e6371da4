package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.LocalDate;

/** Issues subscriptions through the operator API (CONTRACT section 7) with the configured operator token. */
public final class Subscriptions {

    private Subscriptions() {
    }

    /** A subscription as the operator's script gets it back: id and the primary key, shown once. */
    public record Issued(String id, String primaryKey) {
    }

    public static Issued issue(String product, int seats, LocalDate startsAt, LocalDate endsAt) {
        Http.Answer answer = Http.postJson("/api/v1/operator/subscriptions", "{\"product\":\"" + product
                + "\",\"seats\":" + seats + ",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt
                + "\",\"addOns\":[{\"product\":\"TOOLBOX\",\"quantity\":" + seats + "}]}",
                "Authorization", operator());
        assertEquals(201, answer.status(), answer.body());
        JsonObject body = answer.json();
        return new Issued(body.getString("id"), body.getString("primaryKey"));
    }

    /** A desktop subscription valid from yesterday for a year. */
    public static Issued desktop(int seats) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return issue("DESKTOP", seats, today.minusDays(1), today.plusYears(1));
    }

    public static String operator() {
        return Http.bearer(KeyholdServerExtension.server().operatorToken());
    }
}
