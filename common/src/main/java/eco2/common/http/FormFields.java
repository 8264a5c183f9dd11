package eco2.common.http;

import eco2.common.error.ApiException;
import eco2.common.error.BadRequest;
import eco2.common.error.PayloadTooLarge;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;

/**
 * Parses a urlencoded or multipart form once, turning every way a body can be malformed (an unknown charset, a
 * missing or wrong boundary, a body cut off, bad percent-escapes) into 400 {@code bad_request}, and an
 * oversized multipart body into 413. Jetty keeps the parsed parts, so handlers read them again for free.
 */
final class FormFields {
    private FormFields() {}

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return false;
        String lower = type.toLowerCase();
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    /** The text fields of the form (files excluded). */
    static Map<String, List<String>> of(Context ctx) {
        if (ctx.isMultipartFormData() && !ctx.contentType().toLowerCase().contains("boundary=")) {
            throw new BadRequest("Malformed multipart body", "Content-Type", "must name the multipart boundary");
        }
        try {
            return ctx.formParamMap();
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw BadRequest.unsupportedCharset();
        } catch (IllegalStateException e) {
            // Jetty's multipart limits (a body without Content-Length that grows past them)
            throw new PayloadTooLarge("The request body is too large");
        } catch (ApiException | HttpResponseException e) { // already an answer (e.g. Javalin's 413 for a long body)
            throw e;
        } catch (Exception e) { // IOException or ServletException from Jetty's multipart parser, IAE from decoding
            throw malformed(ctx);
        }
    }

    private static BadRequest malformed(Context ctx) {
        return ctx.isMultipartFormData()
                ? new BadRequest(
                        "Malformed multipart body",
                        "body",
                        "is not multipart/form-data with the Content-Type's boundary")
                : new BadRequest("Malformed form body", "body", "is not application/x-www-form-urlencoded");
    }
}
