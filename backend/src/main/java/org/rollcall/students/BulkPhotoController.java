package org.rollcall.students;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.ApiException;
import org.rollcall.web.CurrentTeacher;
import org.rollcall.web.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of many students at once, named by roll number: several `photo` parts, or one ZIP of them. The limits are
 * checked before any face work: how many files, how many bytes, and for a ZIP what it really expands to.
 */
@RestController
@RequestMapping("/api/classes/{classId}/students")
class BulkPhotoController {

    private final ClassService classes;
    private final BulkPhotoEnrolment enrolment;
    private final RosterProperties limits;

    BulkPhotoController(ClassService classes, BulkPhotoEnrolment enrolment, RosterProperties limits) {
        this.classes = classes;
        this.enrolment = enrolment;
        this.limits = limits;
    }

    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, List<BulkPhotoResult>> enrol(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestPart(name = "photo", required = false) List<MultipartFile> parts) {
        // another teacher's class is a 404 before the upload is looked at
        SchoolClass schoolClass = classes.owned(teacher, classId);
        List<BulkPhotoEnrolment.Photo> photos = photos(parts == null ? List.of() : parts);
        return Map.of("results", enrolment.enrol(schoolClass, photos));
    }

    private List<BulkPhotoEnrolment.Photo> photos(List<MultipartFile> parts) {
        if (parts.isEmpty()) {
            throw new ApiException(
                    ErrorCode.PHOTO_REQUIRED, "Choose the photos (or one ZIP of them) to send in `photo` parts.");
        }
        if (parts.size() > limits.maxPhotoFiles()) {
            throw tooMany(parts.size());
        }
        List<BulkPhotoEnrolment.Photo> photos = new ArrayList<>(parts.size());
        long total = 0;
        for (MultipartFile part : parts) {
            byte[] content = bytes(part);
            total += content.length;
            if (UploadedZip.isZip(content)) {
                if (parts.size() > 1) {
                    throw new ApiException(
                            ErrorCode.ZIP_WITH_OTHER_FILES,
                            "Send either photos or one ZIP of photos, not both in one upload.");
                }
                return fromZip(content);
            }
            photos.add(new BulkPhotoEnrolment.Photo(name(part), content));
        }
        if (total > limits.maxPhotoBytes().toBytes()) {
            throw tooLarge();
        }
        return photos;
    }

    private List<BulkPhotoEnrolment.Photo> fromZip(byte[] zip) {
        List<UploadedZip.Entry> entries = UploadedZip.read(
                zip,
                new UploadedZip.Limits(
                        limits.maxZipEntries(), limits.maxPhotoBytes().toBytes(), limits.maxZipExpansion()));
        List<BulkPhotoEnrolment.Photo> photos = entries.stream()
                .filter(entry -> !isClutter(entry.path()))
                .map(entry -> new BulkPhotoEnrolment.Photo(entry.fileName(), entry.content()))
                .toList();
        if (photos.isEmpty()) {
            throw new ApiException(ErrorCode.ZIP_EMPTY);
        }
        if (photos.size() > limits.maxPhotoFiles()) {
            throw tooMany(photos.size());
        }
        return photos;
    }

    /** What macOS and Windows add to a zipped folder: not photos, and not the teacher's concern. */
    private static boolean isClutter(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return path.startsWith("__MACOSX/")
                || name.startsWith(".")
                || name.equals("thumbs.db")
                || name.equals("desktop.ini");
    }

    private static String name(MultipartFile part) {
        String name = part.getOriginalFilename();
        return name == null || name.isBlank()
                ? "photo"
                : name.replace('\\', '/').substring(name.replace('\\', '/').lastIndexOf('/') + 1);
    }

    private ApiException tooMany(int count) {
        return new ApiException(
                ErrorCode.TOO_MANY_PHOTO_FILES,
                count + " photos were sent; at most " + limits.maxPhotoFiles()
                        + " are accepted at once. Send the rest in a second upload.");
    }

    private ApiException tooLarge() {
        return new ApiException(
                ErrorCode.PHOTOS_TOO_LARGE,
                "The photos add up to more than " + limits.maxPhotoBytes().toMegabytes()
                        + " MB; send them in smaller parts.");
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded photo", e);
        }
    }
}
