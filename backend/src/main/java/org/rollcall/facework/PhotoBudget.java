package org.rollcall.facework;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * The pixels of one request's photos together, read from their headers (nothing is decoded): each photo may be up
 * to the engine's own limit, but ten of them at that size would hold a core for a long time.
 */
@Component
public class PhotoBudget {

    /** Ten 12-megapixel phone photos fit; more is a mistake or an attack. */
    static final long MAX_PIXELS_PER_REQUEST = 120_000_000;

    /** Answers 413 IMAGE_TOO_LARGE when the photos declare more pixels together than the budget. */
    public void require(List<byte[]> photos) {
        long total = 0;
        for (byte[] photo : photos) {
            total += declaredPixels(photo);
        }
        if (total > MAX_PIXELS_PER_REQUEST) {
            throw new ApiException(
                    ErrorCode.IMAGE_TOO_LARGE,
                    "Together the photos have "
                            + total / 1_000_000 + " megapixels; at most " + MAX_PIXELS_PER_REQUEST / 1_000_000
                            + " can be sent at once. Send fewer or smaller photos.");
        }
    }

    /** 0 when the header cannot be read: the engine then refuses the file with its own reason. */
    static long declaredPixels(byte[] photo) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
