package eco2.common.http;

import eco2.common.error.FieldErrors;
import eco2.common.json.TextRule;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TextRule} to every decoded query, path and form parameter of a matched route, before its handler
 * runs, so no handler has to remember it. Parameters are single-line; multi-line text travels in JSON bodies
 * (see {@link eco2.common.json.MultiLine}). Form bodies are parsed here, so a malformed one is a 400 up front.
 */
final class RequestText {
    private RequestText() {}

    static void check(Context ctx) {
        FieldErrors errors = new FieldErrors();
        check(ctx.queryParamMap(), errors);
        ctx.pathParamMap().forEach((name, value) -> check(name, value, errors));
        if (FormFields.isForm(ctx)) check(FormFields.of(ctx), errors);
        errors.throwIfAny();
    }

    private static void check(Map<String, List<String>> params, FieldErrors errors) {
        params.forEach((name, values) -> values.forEach(value -> check(name, value, errors)));
    }

    private static void check(String name, String value, FieldErrors errors) {
        String problem = TextRule.problem(value, false);
        if (problem != null) errors.add(name, problem);
    }
}
