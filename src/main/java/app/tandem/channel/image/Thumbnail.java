package app.tandem.channel.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A small PNG of a customer image for the desk's turn list; the agent opens the full image from it. */
public record Thumbnail(int width, int height, byte[] png) {

    /** Longest side in pixels: two lines of a statement stay legible at this size. */
    public static final int MAX_SIDE = 320;

    public Thumbnail {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    public static Thumbnail of(BufferedImage image) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // A transparent screenshot shows on white, as the customer saw it in their app.
            g.drawImage(image, 0, 0, w, h, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // In memory, not ImageIO's default cache file: the image may show an account.
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(small, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a thumbnail to memory", e);
        }
        return new Thumbnail(w, h, out.toByteArray());
    }
}
