package org.rollcall.attendance.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A classroom-scale group photo composed from portrait photos: a grid of seats on a plain wall, each portrait scaled
 * so its face is about as large as a student's face in a 1920×1080 photo of a class of 30, jittered a little.
 * Remembers which seat holds whom, so an answer's face boxes can be checked against the truth.
 */
final class ClassroomPhoto {

    /** One seat: whose portrait it shows and where. */
    record Seat(String person, Rectangle area) {}

    private final BufferedImage image;
    private final List<Seat> seats;

    private ClassroomPhoto(BufferedImage image, List<Seat> seats) {
        this.image = image;
        this.seats = seats;
    }

    BufferedImage image() {
        return image;
    }

    List<Seat> seats() {
        return seats;
    }

    /** The person whose seat holds this point, or null. */
    String personAt(double centreX, double centreY) {
        for (Seat seat : seats) {
            if (seat.area().contains(centreX, centreY)) {
                return seat.person();
            }
        }
        return null;
    }

    /**
     * @param people    names, in the order of {@code portraits}
     * @param portraitPx side of each pasted portrait
     */
    static ClassroomPhoto compose(
            List<String> people,
            List<BufferedImage> portraits,
            int width,
            int height,
            int columns,
            int portraitPx,
            long seed) {
        Random random = new Random(seed);
        int rows = (people.size() + columns - 1) / columns;
        int cellW = width / columns;
        int cellH = height / rows;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(205, 200, 185));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            int col = i % columns;
            int row = i / columns;
            int side = Math.min(portraitPx, Math.min(cellW, cellH));
            int x = col * cellW + (cellW - side) / 2 + jitter(random, (cellW - side) / 2);
            int y = row * cellH + (cellH - side) / 2 + jitter(random, (cellH - side) / 2);
            g.drawImage(portraits.get(i), x, y, side, side, null);
            seats.add(new Seat(people.get(i), new Rectangle(x, y, side, side)));
        }
        g.dispose();
        return new ClassroomPhoto(canvas, seats);
    }

    private static int jitter(Random random, int max) {
        return max <= 0 ? 0 : random.nextInt(2 * max + 1) - max;
    }
}
