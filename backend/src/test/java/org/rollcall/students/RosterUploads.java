package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.TestApi;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;

/** Roster files and bulk photo uploads as the browser sends them, for the tests of issue 12 and their neighbours. */
public final class RosterUploads {

    private RosterUploads() {}

    /** An uploaded file: the bytes under a file name (the server sniffs the content, whatever the name says). */
    public static ByteArrayResource file(byte[] bytes, String fileName) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    public static ApiResponse importRoster(
            TestApi.Client teacher, UUID classId, byte[] file, String fileName, boolean dryRun) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", file(file, fileName), MediaType.APPLICATION_OCTET_STREAM);
        return teacher.postMultipart("/api/classes/" + classId + "/students/import?dryRun=" + dryRun, parts.build());
    }

    /** Imports a CSV roster for real; fails the test unless it is written. */
    public static void imported(TestApi.Client teacher, UUID classId, String csv) {
        TestApi.check(importRoster(teacher, classId, csv.getBytes(StandardCharsets.UTF_8), "roster.csv", false), 200);
    }

    /** One `photo` part per file, in the map's order. */
    public static MultiValueMap<String, HttpEntity<?>> photoParts(Map<String, byte[]> files) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        files.forEach((name, bytes) -> parts.part("photo", file(bytes, name), MediaType.APPLICATION_OCTET_STREAM));
        return parts.build();
    }

    public static ApiResponse uploadPhotos(TestApi.Client teacher, UUID classId, Map<String, byte[]> files) {
        return teacher.postMultipart("/api/classes/" + classId + "/students/photos", photoParts(files));
    }

    public static void assertProblem(ApiResponse answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().get("detail").asString()).as(answer.toString()).isNotBlank();
    }
}
