package eco2.common.http;

import eco2.common.error.FieldErrors;
import eco2.common.json.TextRule;
import io.javalin.http.Context;
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
        check(ctx.queryParamMap(), false, errors);
        ctx.pathParamMap().forEach((name, value) -> check(name, value, false, errors));
        if (FormFields.isForm(ctx)) {
            boolean multiLine = multiLineForms.stream().anyMatch(ctx.path()::startsWith);
            check(FormFields.of(ctx), multiLine, errors);
        }
        errors.throwIfAny();
    }

    private static void check(Map<String, List<String>> params, boolean multiLine, FieldErrors errors) {
        params.forEach((name, values) -> values.forEach(value -> check(name, value, multiLine, errors)));
    }

    private static void check(String name, String value, boolean multiLine, FieldErrors errors) {
        String problem = TextRule.problem(value, multiLine);
        if (problem != null) errors.add(name, problem);
    }
}
