package org.rollcall.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The only endpoints under /api that need no bearer token: signing up, signing in, resetting the password and the
 * limits the pages check before sending. The security configuration opens exactly these, the OpenAPI document marks
 * exactly these as needing no token, and the browser app keeps no copy (it reacts to the server's Bearer
 * challenge); the README's list is checked against this one by a test.
 */
public final class PublicEndpoints {

    /** @param method the one HTTP method that is open; @param path exact path, no patterns */
    public record Endpoint(HttpMethod method, String path) {}

    public static final List<Endpoint> ALL = List.of(
            new Endpoint(HttpMethod.POST, "/api/auth/email-otp"),
            new Endpoint(HttpMethod.POST, "/api/auth/email-verification"),
            new Endpoint(HttpMethod.POST, "/api/auth/register"),
            new Endpoint(HttpMethod.POST, "/api/auth/login"),
            new Endpoint(HttpMethod.POST, "/api/auth/password-reset/otp"),
            new Endpoint(HttpMethod.POST, "/api/auth/password-reset"),
            new Endpoint(HttpMethod.GET, LimitsController.PATH));

    private PublicEndpoints() {}
}
