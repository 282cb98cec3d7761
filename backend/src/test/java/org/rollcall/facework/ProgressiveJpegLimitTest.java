package org.rollcall.facework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.RejectReason;
import org.rollcall.face.image.ImageDecoder;

/** The photo the outside attack sent: a huge progressive JPEG is refused from its header, a baseline one decoded small. */
class ProgressiveJpegLimitTest {

    private final ImageDecoder decoder = new ImageDecoder(15L << 20, 50_000_000, 20_000, 8192);

    @Test
    void aProgressiveJpegOverSixteenMegapixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] progressive = jpeg(5000, 4000, true);
        assertThatThrownBy(() -> decoder.decode(progressive)).isInstanceOfSatisfying(FaceRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectReason.IMAGE_TOO_LARGE);
            assertThat(e.getMessage()).contains("progressive JPEG").contains("5000x4000");
        });
    }

    @Test
    void aBaselineJpegOfTheSameSizeIsDecodedToAtMost4096PixelsOnTheLongSide() throws IOException {
        // the decoder's own setting would allow 8192 here; detection never needs more than 4096
        ImageDecoder.Decoded decoded = decoder.decode(jpeg(5000, 4000, false));
        assertThat(Math.max(decoded.image().width(), decoded.image().height())).isLessThanOrEqualTo(4096);
        assertThat(decoded.scale()).isEqualTo(2);
        ImageDecoder.Decoded small = decoder.decode(jpeg(1200, 900, true));
        assertThat(small.scale()).isEqualTo(1);
    }

    private static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
