package org.rollcall.classes;

import java.util.UUID;

public record ClassResponse(UUID id, String name, String timezone) {

    static ClassResponse of(SchoolClass schoolClass) {
        return new ClassResponse(
                schoolClass.id(), schoolClass.name(), schoolClass.timezone().getId());
    }
}
