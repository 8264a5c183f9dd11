package eco2.common.http;

import eco2.common.error.FieldErrors;
import eco2.common.json.TextRule;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TextRule} to every decoded query, path and form parameter of a matched route, before its handler
 * runs, so no handler has to remember it. Parameters are single-line; multi-line text travels in JSON bodies
 * (see {@link eco2.common.json.MultiLine}) or in the form fields of the paths a module names (an HTML form's
 * textarea). Form bodies are parsed here, so a malformed one is a 400 up front.
 */
final class RequestText {
    private final List<String> multiLineForms;

    RequestText(List<String> multiLineForms) {
        this.multiLineForms = List.copyOf(multiLineForms);
    }

    void check(Context ctx) {
        FieldErrors errors = new FieldErrors();
        checkEncoding(ctx.queryString(), errors);
        check(ctx.queryParamMap(), false, errors);
        ctx.pathParamMap().forEach((name, value) -> check(name, value, false, errors));
        if (FormFields.isForm(ctx)) {
            boolean multiLine = multiLineForms.stream().anyMatch(ctx.path()::startsWith);
            check(FormFields.of(ctx), multiLine, errors);
        }
        errors.throwIfAny();
    }

    /**
     * Percent-escapes that are not UTF-8 (a lone surrogate's three bytes {@code %ED%A0%80}, a stray {@code %FF}) would
     * be decoded to U+FFFD and pass the text rule as different text than the client sent; refuse them instead.
     */
    static void checkEncoding(String rawQuery, FieldErrors errors) {
        if (rawQuery == null || rawQuery.indexOf('%') < 0) return;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!validUtf8(pair)) errors.add(decodedOrRaw(name), NOT_UTF8);
        }
    }

    static final String NOT_UTF8 = "must be valid UTF-8 text";

    private static boolean validUtf8(String percentEncoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < percentEncoded.length(); i++) {
            char c = percentEncoded.charAt(i);
            if (c == '%' && isHex(percentEncoded, i + 1) && isHex(percentEncoded, i + 2)) {
                bytes.write(Integer.parseInt(percentEncoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static String decodedOrRaw(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static void check(Map<String, List<String>> params, boolean multiLine, FieldErrors errors) {
        params.forEach((name, values) -> values.forEach(value -> check(name, value, multiLine, errors)));
    }

    private static void check(String name, String value, boolean multiLine, FieldErrors errors) {
        String problem = TextRule.problem(value, multiLine);
        if (problem != null) errors.add(name, problem);
    }
}
