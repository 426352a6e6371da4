package com.keyhold.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A small client for the wire contracts: raw status, headers and body, so tests see what clients see. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** One answer. */
    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The CONTRACT section 1 error code of this answer. */
        public String errorCode() {
            return json().getString("code");
        }
    }

    private Http() {
    }

    public static HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : KeyholdServerExtension.server().baseUrl() + pathOrUrl;
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    public static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response;
            try {
                response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.ConnectException refused) {
                // the connection was never made, so nothing was sent: one retry after a pause is safe
                // (PayaraDomain.answersHttp has more on listeners that stop accepting)
                System.err.println("Http: connection to " + request.uri() + " failed (" + refused + "); retrying once");
                Thread.sleep(1000);
                response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer get(String path, String... headers) {
        HttpRequest.Builder builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public static Answer postJson(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** Any method, with an optional JSON body (PATCH, DELETE, PUT…). */
    public static Answer call(String method, String path, String jsonOrNull, String... headers) {
        HttpRequest.Builder builder = request(path).method(method, jsonOrNull == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonOrNull));
        if (jsonOrNull != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
