package org.rollcall.students;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPhotos       enrolment photos accepted in one request
 * @param maxLearnedFaces faces learned from markings kept per student; beyond it the most redundant one is dropped, so
 *                        the gallery stays diverse and matching stays cheap
 */
@ConfigurationProperties("rollcall.students")
record StudentProperties(
        @DefaultValue("5") int maxPhotos,
        @DefaultValue("20") int maxLearnedFaces) {}
