package org.rollcall.web;

import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentTeacher} parameters from the bearer token's {@code sub} claim. */
class CurrentTeacherArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentTeacher.class);
    }

    @Override
    public CurrentTeacher resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            // Only reachable if a controller outside /api/** asks for it: a programming error, not a client one.
            throw new IllegalStateException("CurrentTeacher used on an endpoint that is not behind the bearer token");
        }
        return new CurrentTeacher(UUID.fromString(jwt.getToken().getSubject()));
    }
}
