package eco2.workers.scan;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.Unauthorized;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * {@code GET /scan/{task_id}/events}: checks the caller and the task while errors can still be JSON, then turns
 * the request asynchronous (no thread is held while it waits), catches the client up from the database and
 * leaves the rest to the bus. The stream ends after the result, or when the client goes away.
 */
public final class ScanStreamHandler {
    private final ScanService scans;
    private final ScanEventIds ids;
    private final ScanStreams streams;
    private final StreamTickets tickets;
    private final Authenticator auth;

    public ScanStreamHandler(
            ScanService scans, ScanEventIds ids, ScanStreams streams, StreamTickets tickets, Authenticator auth) {
        this.scans = scans;
        this.ids = ids;
        this.streams = streams;
        this.tickets = tickets;
        this.auth = auth;
    }

    /** {@code curl -N 'localhost:8085/api/v1/scan/<task_id>/events?ticket=...'} */
    @OpenApi(
            path = ScanHandler.BASE + "/{task_id}/events",
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "scan",
            operationId = "streamScanEvents",
            summary = "Follow a scan (server-sent events)",
            description = "Server-sent events for a task: status events, then the result; Last-Event-ID resumes. "
                    + "A bearer token or the ticket from stream_url (5 minutes, for EventSource)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "task_id", type = UUID.class, required = true),
            queryParams = @OpenApiParam(name = "ticket"),
            headers = @OpenApiParam(name = "Last-Event-ID", type = Long.class),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(mimeType = "text/event-stream", type = "string")),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void stream(Context ctx) {
        UUID taskId = ScanHandler.taskId(ctx);
        Caller caller = caller(ctx, taskId);
        ScanTask task = scans.find(caller, taskId);
        ctx.status(200)
                .contentType("text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        SseStream stream;
        try {
            ctx.res().flushBuffer();
            stream = new SseStream(taskId, ctx.res().getOutputStream(), lastEventId(ctx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        streams.add(stream); // first: news arriving while we catch up is not missed (ids drop duplicates)
        stream.send(ids.of(scans.find(caller, task.id())));
        ctx.future(stream::closed);
    }

    private Caller caller(Context ctx, UUID taskId) {
        String ticket = ctx.queryParam("ticket");
        if (ticket != null && ctx.header("Authorization") == null && ctx.header("X-API-Key") == null) {
            return tickets.verify(ticket, taskId)
                    .orElseThrow(() -> new Unauthorized("The stream ticket is invalid or has expired"));
        }
        return Caller.of(auth.identify(ctx));
    }

    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        try {
            return header == null ? 0 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
