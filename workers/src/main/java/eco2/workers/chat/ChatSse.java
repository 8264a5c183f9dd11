package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The response side of one chat stream: {@code data:} lines, comments and {@code [DONE]}, written one at a time.
 * Nothing is sent until the first write, so a provider that fails before its first token still gets a JSON error
 * response. The first failed write means the client went away: {@link #gone()} completes, so the producer stops
 * and the partial answer is saved as cancelled.
 */
final class ChatSse {
    private final Context ctx;
    private final ObjectMapper mapper;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private OutputStream out;

    ChatSse(Context ctx, ObjectMapper mapper) {
        this.ctx = ctx;
        this.mapper = mapper;
    }

    CompletableFuture<Void> gone() {
        return gone;
    }

    synchronized boolean started() {
        return out != null;
    }

    void data(Object json) {
        try {
            write("data: " + mapper.writeValueAsString(json) + "\n\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void done() {
        write("data: [DONE]\n\n");
    }

    void ping() {
        write(": ping\n\n");
    }

    private synchronized void write(String text) {
        if (gone.isDone()) return;
        try {
            if (out == null) out = begin();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            gone.complete(null);
        }
    }

    private OutputStream begin() throws IOException {
        ctx.status(200)
                .contentType("text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        return ctx.res().getOutputStream();
    }
}
