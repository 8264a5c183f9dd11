package eco2.info.faq;

import eco2.common.error.FieldErrors;
import eco2.common.json.MultiLine;
import eco2.info.web.Texts;
import io.javalin.openapi.OpenApiIgnore;

/**
 * Body of POST /faq and PUT /faq/{id} (a PUT replaces every field). Answers may span lines; questions may not.
 * Without a display_order a new FAQ goes last, and a replaced one keeps its place.
 */
public record FaqInput(
        String slug,
        String category,
        String question,
        @MultiLine String answer,
        Integer displayOrder) {
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        if (slug != null) {
            errors.check(
                    slug.length() > 80 || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*"),
                    "slug",
                    "must be lower-case words joined by '-', at most 80 characters");
        }
        errors.check(category == null, "category", "is required");
        text(errors, "question", question, 300, false);
        text(errors, "answer", answer, 5000, true);
        errors.check(
                displayOrder != null && (displayOrder < 0 || displayOrder > 1_000_000),
                "display_order",
                "must be between 0 and 1000000");
    }

    @OpenApiIgnore
    public FaqInput cleaned() {
        return new FaqInput(slug, category, question.strip(), answer.strip(), displayOrder);
    }

    private static void text(FieldErrors errors, String field, String value, int max, boolean multiline) {
        if (errors.check(value == null, field, "is required")) return;
        String trimmed = value.strip();
        if (errors.check(trimmed.isEmpty(), field, "must not be blank")) return;
        if (errors.check(Texts.length(trimmed) > max, field, "must be at most " + max + " characters")) return;
        String checked =
                multiline ? trimmed.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') : trimmed;
        errors.check(Texts.hasControlCharacters(checked), field, "must not contain control characters");
    }
}
