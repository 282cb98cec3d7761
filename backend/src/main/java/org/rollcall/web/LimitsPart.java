package org.rollcall.web;

/**
 * One feature's part of {@code GET /api/limits}: the limits of its requests that the browser app checks before
 * sending (so the pages read the server's numbers instead of keeping copies). A feature declares a bean of this type
 * for the values it enforces; {@code name} is its key in the answer.
 */
public interface LimitsPart {

    String name();

    /** Serialised as JSON (a record of the feature's values). */
    Object limits();
}
