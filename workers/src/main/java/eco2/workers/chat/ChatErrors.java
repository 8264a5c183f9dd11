package eco2.workers.chat;

import eco2.common.error.ApiException;
import eco2.common.error.FieldError;
import eco2.common.http.RequestIds;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the chat endpoint before its first byte: the usual envelope plus OpenAI's {@code error} object, so
 * OpenAI client libraries show the message. After the first byte errors travel inside the stream instead.
 */
final class ChatErrors {
    private ChatErrors() {}

    static void write(Context ctx, ApiException e) {
        if (e.status() == 429) ctx.header("Retry-After", "5");
        ctx.status(e.status()).json(body(ctx, e.status(), e.code(), e.getMessage(), e.errors()));
    }

    static Map<String, Object> body(Context ctx, int status, String code, String message, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("code", code);
        body.put("message", message);
        body.put("errors", errors);
        body.put("request_id", RequestIds.of(ctx));
        body.put("error", openAi(status, code, detail(message, errors)));
        return body;
    }

    static Map<String, Object> openAi(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", status >= 500 ? "api_error" : status == 429 ? "rate_limit_error" : "invalid_request_error");
        error.put("code", code);
        return error;
    }

    private static String detail(String message, List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) return message;
        return message + ": "
                + String.join(
                        "; ",
                        errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }
}
