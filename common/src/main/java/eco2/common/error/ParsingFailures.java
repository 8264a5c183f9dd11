package eco2.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence for request parsing: exceptions the JDK, Jetty or Jackson throw on input they cannot
 * read are the client's fault, so they become a named 4xx instead of a 500. The common readers turn them into
 * envelopes first; this catches a handler that parses on its own.
 */
final class ParsingFailures {
    private static final Logger log = LoggerFactory.getLogger(ParsingFailures.class);

    private ParsingFailures() {}

    static void register(Javalin app) {
        app.exception(UnsupportedCharsetException.class, (e, ctx) -> unsupportedCharset(ctx, e));
        app.exception(IllegalCharsetNameException.class, (e, ctx) -> unsupportedCharset(ctx, e));
        app.exception(BadMessageException.class, (e, ctx) -> {
            int status = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
            refused(ctx, e, status, ErrorHandlers.messageFor(status), List.of());
        });
        app.exception(JsonProcessingException.class, (e, ctx) -> refused(ctx, e, 400, "Malformed JSON", List.of()));
    }

    private static void unsupportedCharset(Context ctx, Exception e) {
        BadRequest refusal = BadRequest.unsupportedCharset();
        refused(ctx, e, refusal.status(), refusal.getMessage(), refusal.errors());
    }

    private static void refused(Context ctx, Exception e, int status, String message, List<FieldError> errors) {
        log.info("unreadable request on {} {}: {}", ctx.method(), ctx.path(), e.toString());
        ErrorHandlers.write(ctx, status, ErrorHandlers.codeFor(status), message, errors);
    }
}
