package org.rollcall.face.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.RejectReason;

/**
 * Decodes JPEG, PNG and WebP (sniffed from the bytes, never from a name) into an upright RGB image. Byte size,
 * declared dimensions and pixel count are checked from the header before any pixel is decoded, so a decompression
 * bomb costs nothing. Very large photos are decoded with subsampling down to {@code maxDecodedSide}: enough for
 * detection and for 150-px chips, and several times cheaper.
 */
public final class ImageDecoder {

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

    /** Whatever the settings say, detection never needs more than this on the long side. */
    static final int MAX_DECODED_LONG_SIDE = 4096;

    /** An enrolment photo's decoded long side at most. */
    static final int ENROLMENT_LONG_SIDE = 2048;

    /*
     * A progressive JPEG is decoded in full (every scan, every coefficient) however much it is subsampled: a
     * 7000x7000 one of 800 KB took 11 s of CPU. Cameras and our own pages send baseline JPEGs; progressive ones are
     * web exports, for which 16 megapixels (about 2 s) is plenty.
     */
    static final long MAX_PROGRESSIVE_PIXELS = 16_000_000;

    private final long maxBytes;
    private final long maxPixels;
    private final int maxSide;
    private final int maxDecodedSide;

    public ImageDecoder(long maxBytes, long maxPixels, int maxSide, int maxDecodedSide) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.maxDecodedSide = maxDecodedSide;
    }

    /** The decoded upright image and the factor from its pixels to the original (EXIF-rotated) photo's pixels. */
    public record Decoded(RgbImage image, int scale) {}

    /** Decodes a class photo: subsampled only beyond {@code maxDecodedSide}, so that small faces keep their pixels. */
    public Decoded decode(byte[] bytes) {
        return decode(bytes, MAX_DECODED_LONG_SIDE);
    }

    /**
     * Decodes an enrolment photo, subsampled until its long side is at most {@link #ENROLMENT_LONG_SIDE}: its one
     * face still spans hundreds of pixels for a 150-px chip, and a 12-megapixel phone photo decodes a third faster.
     */
    public Decoded decodeForEnrolment(byte[] bytes) {
        return decode(bytes, ENROLMENT_LONG_SIDE);
    }

    private Decoded decode(byte[] bytes, int longSideAtMost) {
        if (bytes == null || bytes.length == 0) {
            throw unsupported("The file is empty.");
        }
        if (bytes.length > maxBytes) {
            throw new FaceRejectedException(
                    RejectReason.IMAGE_TOO_LARGE,
                    "The image is " + bytes.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(stream);
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw unsupported("The image declares no pixels.");
                }
                if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
                    throw new FaceRejectedException(
                            RejectReason.IMAGE_TOO_LARGE,
                            "The image is " + width + "x"
                                    + height + " pixels; the limit is " + maxPixels + " pixels and " + maxSide
                                    + " pixels per side.");
                }
                if ((long) width * height > MAX_PROGRESSIVE_PIXELS && isProgressiveJpeg(bytes)) {
                    throw new FaceRejectedException(
                            RejectReason.IMAGE_TOO_LARGE,
                            "The image is a progressive JPEG of "
                                    + width + "x" + height + " pixels; progressive JPEGs may have at most "
                                    + MAX_PROGRESSIVE_PIXELS / 1_000_000
                                    + " megapixels. Save it as a normal JPEG or smaller.");
                }
                int longSide = Math.max(width, height);
                int subsampling = Math.max(
                        Math.max(1, longSide / maxDecodedSide),
                        Math.ceilDiv(longSide, Math.min(MAX_DECODED_LONG_SIDE, longSideAtMost)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                List<String> damage = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    String w = warning.toLowerCase(Locale.ROOT);
                    if (w.contains("truncated") || w.contains("premature end") || w.contains("corrupt")) {
                        damage.add(warning);
                    }
                });
                BufferedImage decoded = reader.read(0, param);
                if (!damage.isEmpty()) {
                    // lenient decoders return a half-grey picture here; faces in it would be garbage
                    throw unsupported("The image is damaged or incomplete (" + damage.get(0) + ").");
                }
                return new Decoded(upright(decoded, orientation(bytes)), subsampling);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FaceRejectedException rejected) {
                throw rejected;
            }
            throw unsupported("The image could not be decoded (" + e.getMessage() + ").");
        }
    }

    /** Reads the JPEG's segment headers up to its frame header: SOF2, SOF6, SOF10 and SOF14 are progressive. */
    static boolean isProgressiveJpeg(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            return false;
        }
        int i = 2;
        while (i + 3 < bytes.length) {
            if ((bytes[i] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = bytes[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false; // scan data or end before any frame header
            }
            int length = ((bytes[i + 2] & 0xFF) << 8) | (bytes[i + 3] & 0xFF);
            i += 2 + length;
        }
        return false;
    }

    private static ImageReader readerFor(ImageInputStream stream) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException e) {
                // try the next reader
            }
            reader.dispose();
        }
        throw unsupported("The file is not a JPEG, PNG or WebP image.");
    }

    /** EXIF orientation 1..8; 1 when absent or unreadable (most PNGs, many JPEGs). */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // no usable metadata: the pixels are taken as they are
        }
        return 1;
    }

    private static RgbImage upright(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5 && orientation <= 8;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage rgb = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, outW, outH);
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        return new RgbImage(outW, outH, pixels);
    }

    private static FaceRejectedException unsupported(String message) {
        return new FaceRejectedException(RejectReason.UNSUPPORTED_IMAGE, message);
    }
}
