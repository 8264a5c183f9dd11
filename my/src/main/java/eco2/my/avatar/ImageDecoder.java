package eco2.my.avatar;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads avatar images without ever decoding more than it needs: the size comes from the header alone, an image
 * over {@link #MAX_PIXELS} is never decoded, and an allowed one is decoded with source subsampling, so a 15 MP photo
 * costs the memory of a few hundred thousand pixels, not of fifteen million.
 */
final class ImageDecoder {
    /** 16 megapixels: a 4000x4000 photo; phone cameras save up to about 12. */
    static final long MAX_PIXELS = 16_000_000L;

    /** An image's size as its header states it. */
    record Dimensions(int width, int height) {
        long pixels() {
            return (long) width * height;
        }

        boolean tooLarge() {
            return pixels() > MAX_PIXELS;
        }
    }

    private ImageDecoder() {}

    /**
     * The size from the header: ImageIO's for PNG and JPEG, {@link WebpHeader}'s for WebP. Empty when neither
     * knows the data.
     *
     * @throws IOException when a reader knows the format but the header is broken
     */
    static Optional<Dimensions> dimensions(byte[] bytes) throws IOException {
        Optional<Dimensions> webp = WebpHeader.dimensions(bytes);
        if (webp.isPresent()) return webp;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decodes the image with every {@code step}-th pixel of every {@code step}-th row, the largest step that keeps
     * the shorter side at least {@code minSide} (or the whole image when it is smaller). Null when no ImageIO reader
     * knows the format.
     *
     * @throws TooLarge when the header claims more than {@link #MAX_PIXELS}: nothing is decoded
     * @throws IOException when the data does not decode
     */
    static BufferedImage decodeAtLeast(byte[] bytes, int minSide) throws IOException, TooLarge {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                Dimensions size = new Dimensions(reader.getWidth(0), reader.getHeight(0));
                if (size.tooLarge()) throw new TooLarge(size);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(size.width(), size.height()) / minSide);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** An image whose header claims more pixels than {@link #MAX_PIXELS}. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(Dimensions size) {
            super("the image is " + size.width() + "x" + size.height() + ", over " + MAX_PIXELS + " pixels");
        }
    }
}
