package eco2.workers.scan;

import eco2.common.error.BadRequest;
import eco2.common.error.FieldErrors;
import eco2.common.error.Invalid;
import eco2.common.error.PayloadTooLarge;
import eco2.common.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;

/** Reads POST /scan in either form, JSON {text, region?} or multipart image (+ text, region), into a Submission. */
final class ScanForms {
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final int MAX_KEY = 64;

    private final JsonBody json;

    ScanForms(JsonBody json) {
        this.json = json;
    }

    Submission read(Context ctx) {
        String key = idempotencyKey(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("multipart/form-data")) return multipart(ctx, key);
        ScanRequest body = json.read(ctx, ScanRequest.class);
        FieldErrors errors = new FieldErrors();
        ScanRequest.checkText(body.text(), true, errors);
        ScanRequest.checkRegion(body.region(), errors);
        errors.throwIfAny();
        return new Submission(body.text().strip(), region(body.region()), null, null, key);
    }

    private Submission multipart(Context ctx, String key) {
        if (ctx.contentLength() > MAX_IMAGE_BYTES + 64 * 1024) throw tooLarge();
        UploadedFile file;
        String text;
        String region;
        try {
            file = ctx.uploadedFile("image");
            text = ctx.formParam("text");
            region = ctx.formParam("region");
        } catch (IllegalStateException e) {
            throw tooLarge(); // Jetty's multipart limit, for uploads without a Content-Length
        } catch (RuntimeException e) {
            throw new BadRequest("Malformed multipart body");
        }
        FieldErrors errors = new FieldErrors();
        errors.check(file == null, "image", "is required in a multipart scan (or send JSON {text})");
        ScanRequest.checkText(text, false, errors);
        ScanRequest.checkRegion(region, errors);
        errors.throwIfAny();
        if (file.size() > MAX_IMAGE_BYTES) throw tooLarge();
        byte[] bytes = readAll(file);
        ImageCheck.Image image =
                ImageCheck.inspect(bytes).orElseThrow(() -> Invalid.of("image", "must be a PNG, JPEG or WebP image"));
        if (image.width() <= 0 || image.height() <= 0 || image.pixels() > ImageCheck.MAX_PIXELS) {
            throw Invalid.of("image", "must be at most 16 megapixels");
        }
        return new Submission(text == null ? null : text.strip(), region(region), bytes, image.type(), key);
    }

    private static String region(String region) {
        return region == null ? null : region.strip();
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) return null;
        boolean printable = key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        if (key.isEmpty() || key.length() > MAX_KEY || !printable) {
            throw Invalid.of("Idempotency-Key", "must be 1-64 printable ASCII characters");
        }
        return key;
    }

    private static byte[] readAll(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readNBytes((int) MAX_IMAGE_BYTES + 1);
        } catch (IOException e) {
            throw Invalid.of("image", "could not be read");
        }
    }

    private static PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("Images are limited to 5 MiB");
    }
}
