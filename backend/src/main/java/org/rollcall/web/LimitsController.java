package org.rollcall.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The limits every feature enforces on its requests, as one public answer: the sign-up page needs the password rules
 * before there is a token, and the other pages read theirs from the same place. Public because none of it is secret
 * (the README lists the same numbers).
 */
@RestController
class LimitsController {

    static final String PATH = "/api/limits";

    private final Map<String, Object> limits = new LinkedHashMap<>();

    LimitsController(List<LimitsPart> parts) {
        parts.stream().sorted(Comparator.comparing(LimitsPart::name)).forEach(part -> {
            if (limits.putIfAbsent(part.name(), part.limits()) != null) {
                throw new IllegalStateException("Two limits parts are named " + part.name());
            }
        });
    }

    @GetMapping(PATH)
    Map<String, Object> limits() {
        return limits;
    }
}
