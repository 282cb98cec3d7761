package org.rollcall.facework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.rollcall.web.ApiException;

class PhotoBudgetTest {

    private final PhotoBudget budget = new PhotoBudget();

    @Test
    void tooManyPixelsTogetherAreRefusedFromTheHeadersTenPhonePhotosPass() throws IOException {
        byte[] twentyMegapixels = jpeg(5000, 4000);
        byte[] twelveMegapixels = jpeg(4000, 3000);
        assertThat(PhotoBudget.declaredPixels(twentyMegapixels)).isEqualTo(20_000_000);

        assertThatCode(() -> budget.require(Collections.nCopies(10, twelveMegapixels)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.require(Collections.nCopies(7, twentyMegapixels)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(413);
                    assertThat(e.code().code()).isEqualTo("IMAGE_TOO_LARGE");
                    assertThat(e.getMessage()).contains("140 megapixels").contains("at most 120");
                });
        // an unreadable file counts nothing here: the engine refuses it with its own reason
        assertThatCode(() -> budget.require(List.of(new byte[] {1, 2, 3}))).doesNotThrowAnyException();
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "jpeg", out);
        return out.toByteArray();
    }
}
