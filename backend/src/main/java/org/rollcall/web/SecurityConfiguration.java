package org.rollcall.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Everything outside /api/** is public (the browser app, Swagger UI, health probes). Under /api/** only
 * {@link PublicEndpoints} are open; the rest needs a bearer token that passes signature,
 * expiry, the Redis denylist and the account's token generation (see org.rollcall.auth.JwtConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The browser app keeps its bearer token in localStorage, so injected script is the way a token would be stolen:
     * only our own origin may run script. 'wasm-unsafe-eval' lets the live face check compile TensorFlow.js's WASM
     * backend; inline styles stay allowed because the pages position face boxes with style attributes.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /** The camera is for our own pages (enrolment and marking); nothing else a page could ask for is allowed. */
    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), display-capture=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponseWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    response, Problems.of(ErrorCode.UNAUTHORIZED, "A valid bearer token is required: log in again."));
        };
        AccessDeniedHandler forbidden =
                (request, response, e) -> problems.write(response, Problems.of(ErrorCode.FORBIDDEN));
        return http
                // Stateless bearer-token API: no cookies are used for authentication, so CSRF does not apply.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // Page addresses carry class and student ids: they stay within our own site.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        // Sent only on HTTPS requests (directly or via X-Forwarded-Proto from a trusted proxy).
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .authorizeHttpRequests(authorize -> {
                    PublicEndpoints.ALL.forEach(open -> authorize
                            .requestMatchers(open.method(), open.path())
                            .permitAll());
                    authorize
                            .requestMatchers("/api/**")
                            .authenticated()
                            .anyRequest()
                            .permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiExceptionFilter(problems), BearerTokenAuthenticationFilter.class)
                .build();
    }
}
