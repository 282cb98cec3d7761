package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.students.RosterUploads.assertProblem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bulk enrolment through HTTP with the real engine; photos are people of the npm group photo sample6.jpg. */
@RollcallIntegrationTest
class BulkPhotoTest {

    /** The four people of sample6.jpg, left to right, cut out as enrolment photos. */
    private static List<byte[]> people;

    @Autowired
    private TestApi api;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private FaceEngine engine;

    private TestApi.Client teacher;
    private UUID classId;

    @BeforeEach
    void classWithRoster() {
        if (people == null) {
            people = peopleOf(6, 4);
        }
        teacher = api.client(api.newTeacher().token());
        classId = teacher.createClass("9P", "UTC");
        RosterUploads.imported(teacher, classId, "Roll no,Name\n9P-01,Ana\n9P-02,Ben\n9P-03,Chen\n9P-04,Dara\n");
    }

    @Test
    void eachPhotoGoesThroughTheEnrolmentGateAndARerunSkipsWhatIsEnrolled() {
        byte[] anotherShotOfAna =
                TestPhotos.jpeg(TestPhotos.anotherShot(TestPhotos.read(people.get(0)), 0.9, 3, 0.95f), 0.9f);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("9P-01.jpg", people.get(0));
        files.put("9p-02.JPG", people.get(1));
        files.put("9P-01_2.jpg", anotherShotOfAna);
        files.put("9P-03.jpg", TestPhotos.noFace());
        files.put("9P-04 (1).jpg", people.get(1)); // Ben's face again, for Dara
        files.put("9P-99.jpg", people.get(2));

        List<JsonNode> results = results(TestApi.check(upload(files), 200));

        assertThat(results)
                .extracting(r -> r.get("file").asString() + " "
                        + r.get("rollNo").asString() + " " + r.get("status").asString())
                .containsExactly(
                        "9P-01.jpg 9P-01 ENROLLED",
                        "9p-02.JPG 9P-02 ENROLLED",
                        "9P-01_2.jpg 9P-01 ENROLLED",
                        "9P-03.jpg 9P-03 REFUSED",
                        "9P-04 (1).jpg 9P-04 REFUSED",
                        "9P-99.jpg 9P-99 NO_STUDENT");
        assertThat(results.get(0).get("studentName").asString()).isEqualTo("Ana");
        assertThat(results.get(0).has("code")).isFalse();
        assertThat(results.get(3).get("code").asString()).isEqualTo("NO_FACE");
        assertThat(results.get(4).get("code").asString()).isEqualTo("ALREADY_ENROLLED_AS");
        assertThat(results.get(4).get("message").asString()).contains("Ben");
        assertThat(results.get(5).get("code").asString()).isEqualTo("NO_STUDENT");
        assertThat(results.get(5).get("message").asString()).contains("9P-99");
        assertThat(facesOf("9P-01")).isEqualTo(2);
        assertThat(facesOf("9P-02")).isEqualTo(1);
        assertThat(facesOf("9P-03") + facesOf("9P-04")).isZero();

        // the same folder again: nothing is enrolled twice
        long faces = facesInClass();
        List<JsonNode> again = results(TestApi.check(upload(files), 200));
        assertThat(again)
                .extracting(r -> r.get("status").asString())
                .containsExactly(
                        "ALREADY_ENROLLED", "ALREADY_ENROLLED", "ALREADY_ENROLLED", "REFUSED", "REFUSED", "NO_STUDENT");
        assertThat(facesInClass()).isEqualTo(faces);
        // the students' roster shows them as recognisable now
        JsonNode ana = TestApi.list(TestApi.check(teacher.get("/api/classes/" + classId + "/students?q=9P-01"), 200)
                        .json())
                .getFirst();
        assertThat(ana.get("needsReEnrolment").asBoolean()).isFalse();
    }

    @Test
    void aZipOfAFolderIsReadWithoutTheClutterOfMacAndWindows() {
        byte[] zip = zip(Map.of(
                "class 9P/", new byte[0],
                "class 9P/9P-03.jpg", people.get(2),
                "__MACOSX/class 9P/._9P-03.jpg", new byte[] {0, 5, 22, 7},
                "class 9P/.DS_Store", new byte[] {1, 2, 3},
                "class 9P/Thumbs.db", new byte[] {4, 5}));

        List<JsonNode> results = results(TestApi.check(upload(Map.of("photos.zip", zip)), 200));

        assertThat(results)
                .extracting(
                        r -> r.get("file").asString() + " " + r.get("status").asString())
                .containsExactly("9P-03.jpg ENROLLED");
        assertThat(facesOf("9P-03")).isEqualTo(1);
    }

    @Test
    void hostileZipsAndOversizedUploadsAreRefusedBeforeAnyFaceIsEnrolled() {
        assertProblem(upload(Map.of("a.zip", zip(Map.of("../9P-01.jpg", people.get(0))))), 422, "ZIP_UNSAFE_PATH");
        assertProblem(upload(Map.of("a.zip", zip(Map.of("/etc/9P-01.jpg", people.get(0))))), 422, "ZIP_UNSAFE_PATH");
        assertProblem(
                upload(Map.of(
                        "a.zip",
                        zip(Map.of("9P-01.jpg", people.get(0), "more.zip", zip(Map.of("9P-02.jpg", people.get(1))))))),
                422,
                "ZIP_NESTED");
        assertProblem(
                upload(Map.of("bomb.zip", zip(Map.of("9P-01.jpg", new byte[60 * 1024 * 1024])))), 413, "ZIP_BOMB");
        Map<String, byte[]> manyEntries = new LinkedHashMap<>();
        for (int i = 0; i < 501; i++) {
            manyEntries.put("e" + i + ".jpg", new byte[] {(byte) i});
        }
        assertProblem(upload(Map.of("many.zip", zip(manyEntries))), 413, "ZIP_TOO_MANY_ENTRIES");
        assertProblem(
                upload(Map.of("broken.zip", java.util.Arrays.copyOf(zip(Map.of("9P-01.jpg", people.get(0))), 200))),
                422,
                "ZIP_UNREADABLE");
        Map<String, byte[]> manyParts = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            manyParts.put("9P-" + i + ".jpg", new byte[] {1});
        }
        assertProblem(upload(manyParts), 413, "TOO_MANY_PHOTOS");
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("9P-01.jpg", people.get(0));
        mixed.put("more.zip", zip(Map.of("9P-02.jpg", people.get(1))));
        assertProblem(upload(mixed), 422, "ZIP_WITH_OTHER_FILES");
        assertProblem(teacher.postMultipart(path(), new MultipartBodyBuilder().build()), 400, "PHOTO_REQUIRED");
        TestApi.Client stranger = api.client(api.newTeacher().token());
        assertProblem(
                RosterUploads.uploadPhotos(stranger, classId, Map.of("9P-01.jpg", people.get(0))),
                404,
                "CLASS_NOT_FOUND");
        assertThat(facesInClass()).isZero();
    }

    private List<byte[]> peopleOf(int sample, int expected) {
        BufferedImage photo = TestPhotos.faceApiSample(sample);
        List<DetectedFace> faces = new ArrayList<>(engine.findFaces(TestPhotos.jpeg(photo, 0.95f)));
        faces.sort(Comparator.comparingDouble(f -> f.box().x()));
        assertThat(faces).hasSize(expected);
        return faces.stream()
                .map(f -> TestPhotos.jpeg(TestPhotos.crop(photo, f.box(), 0.6), 0.95f))
                .toList();
    }

    private String path() {
        return "/api/classes/" + classId + "/students/photos";
    }

    private ApiResponse upload(Map<String, byte[]> files) {
        return RosterUploads.uploadPhotos(teacher, classId, files);
    }

    private static List<JsonNode> results(ApiResponse answer) {
        return TestApi.list(answer.json().get("results"));
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private long facesOf(String rollNo) {
        return jdbc.sql("SELECT count(*) FROM face f JOIN student s ON s.id = f.student_id"
                        + " WHERE s.class_id = :c AND s.roll_no = :r")
                .param("c", classId)
                .param("r", rollNo)
                .query(Long.class)
                .single();
    }

    private long facesInClass() {
        return jdbc.sql("SELECT count(*) FROM face f JOIN student s ON s.id = f.student_id WHERE s.class_id = :c")
                .param("c", classId)
                .query(Long.class)
                .single();
    }
}
