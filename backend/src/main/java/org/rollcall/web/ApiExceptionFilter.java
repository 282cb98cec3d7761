package org.rollcall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers ApiExceptions thrown inside the security filters (the token check throws 503 when Redis is unreachable)
 * as problem+json; without it they would escape to the servlet container as a 500.
 */
class ApiExceptionFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;

    ApiExceptionFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ApiException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            if (e instanceof RetryLater limited) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
            }
            problems.write(response, Problems.of(e));
        }
    }
}
