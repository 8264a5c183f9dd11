package eco2.workers.scan;

import eco2.common.error.FieldErrors;
import eco2.common.json.TextRule;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiRequired;

/** The JSON form of POST /scan, and the field rules both forms share. */
public record ScanRequest(
        @OpenApiRequired @OpenApiDescription("What the waste is, 1-200 characters, e.g. 페트병 or 깨진 유리")
        String text,

        @OpenApiDescription("One of the 17 시/도, e.g. seoul, 서울 or 서울특별시; adds its discharge rule")
        String region) {
    static final int MAX_TEXT = 200;

    /** Checks a phrase: {@code required} for JSON scans, optional next to a photo. */
    @OpenApiIgnore
    static void checkText(String text, boolean required, FieldErrors errors) {
        if (text == null) {
            errors.check(required, "text", "is required");
            return;
        }
        String phrase = text.strip();
        if (errors.check(phrase.isEmpty(), "text", "must not be blank")) return;
        if (errors.check(
                phrase.codePointCount(0, phrase.length()) > MAX_TEXT, "text", "must be at most 200 characters")) return;
        errors.check(!plainText(phrase), "text", "must not contain control characters or lone surrogates");
    }

    @OpenApiIgnore
    static void checkRegion(String region, FieldErrors errors) {
        if (region == null) return;
        errors.check(
                !plainText(region) || !Regions.known(region),
                "region",
                "must be one of the 17 시/도, e.g. seoul, 서울 or 서울특별시");
    }

    private static boolean plainText(String text) {
        return TextRule.allowed(text, false);
    }
}
