package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The response side of one chat stream: {@code data:} lines, comments and {@code [DONE]}, written one at a time.
 * The first failed write means the client went away: {@link #gone()} completes, so the producer stops and the
 * partial answer is saved as cancelled.
 */
final class ChatSse {
    private final OutputStream out;
    private final ObjectMapper mapper;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();

    ChatSse(OutputStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    CompletableFuture<Void> gone() {
        return gone;
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
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            gone.complete(null);
        }
    }
}
