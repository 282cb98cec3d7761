package org.rollcall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL cannot store a NUL character in text and fails the whole statement, so a NUL anywhere a teacher's text
 * comes in (JSON strings, the multipart `student` part, query parameters) is refused up front as 400
 * INVALID_CHARACTER instead of surfacing as a 500 from the database.
 */
@Configuration(proxyBeanMethods = false)
public class NulCharacters {

    @Bean
    JacksonModule nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    /** The answer for a text field that holds a NUL; {@code field} is its JSON name, or null. */
    public static ApiException refused(String field) {
        String what = field == null || field.isEmpty() ? "The text" : Problems.fieldLabel(field);
        return new ApiException(
                ErrorCode.INVALID_CHARACTER,
                what + " contains an invisible NUL character; remove it (retype the text) and try again.");
    }

    /** The JSON body's cause chain may hold the refusal (Jackson wraps what deserializers throw). */
    public static ApiException refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api && api.code() == ErrorCode.INVALID_CHARACTER) {
                return api;
            }
        }
        return null;
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw refused(parser.currentName());
            }
            return value;
        }
    }

    /** Query strings are checked before any controller reads them (e.g. the roster search {@code ?q=}). */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    static final class QueryFilter extends OncePerRequestFilter {

        private final ProblemResponseWriter problems;

        QueryFilter(ProblemResponseWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")
                    || query != null && query.indexOf('\0') >= 0) {
                problems.write(response, Problems.of(refused(null)));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
