package org.rollcall.students;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.web.multipart.MultipartFile;

/**
 * The `photo` parts of a multipart request, as bytes. Only the count is judged here: size, pixel count and format
 * are the engine's (it reads the header before decoding and sniffs the content, whatever the file is called).
 */
public final class UploadedPhotos {

    private UploadedPhotos() {}

    public static List<byte[]> read(List<MultipartFile> parts, int max) {
        List<MultipartFile> photos = parts == null ? List.of() : parts;
        if (photos.isEmpty()) {
            throw new ApiException(ErrorCode.PHOTO_REQUIRED, "Send at least one photo in a `photo` part.");
        }
        if (photos.size() > max) {
            throw new ApiException(
                    ErrorCode.TOO_MANY_PHOTOS,
                    photos.size() + " photos were sent; at most " + max + " are accepted in one request.");
        }
        return photos.stream().map(UploadedPhotos::bytes).toList();
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded photo", e);
        }
    }
}
