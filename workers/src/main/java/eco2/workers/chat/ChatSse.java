package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.workers.llm.TokenSink;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The response side of one chat stream: {@code data:} lines, comments and {@code [DONE]}, queued in order and
 * written with the servlet's non-blocking output, so no thread waits on a client's socket. Whoever queues an event
 * writes what the socket takes at once; the rest goes out when Jetty says the socket can take more
 * ({@link #onWritePossible}). The queue is bounded for the producer: past {@link #HIGH_WATER} events
 * {@link #room()} stays pending until the client has read it down to {@link #LOW_WATER}.
 *
 * <p>Nothing is sent until the first event, so a provider that fails before its first token still gets a JSON
 * error response. The first failed write means the client went away: {@link #gone()} completes, so the producer
 * stops and the partial answer is saved as cancelled. The stream must be started in the request's async mode.
 */
final class ChatSse implements WriteListener {
    static final int HIGH_WATER = 32;
    static final int LOW_WATER = 8;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final Context ctx;
    private final ObjectMapper mapper;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private CompletableFuture<Void> room; // pending while the producer waits for the client
    private boolean unflushed;
    private boolean closing;

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
        send(("data: " + Json.write(mapper, json) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    void ping() {
        send(PING);
    }

    /** {@code [DONE]} and the end: completes when everything queued is written, or the client has gone. */
    CompletableFuture<Void> done() {
        send(DONE);
        synchronized (this) {
            closing = true;
        }
        drain();
        return closed;
    }

    /** Completes when the producer may send more. */
    synchronized CompletionStage<Void> room() {
        if (queue.size() < HIGH_WATER || gone.isDone()) return TokenSink.ROOM;
        if (room == null) room = new CompletableFuture<>();
        return room;
    }

    void send(byte[] event) {
        synchronized (this) {
            if (gone.isDone() || closing) return;
            queue.add(event);
            if (out == null) {
                begin(); // Jetty calls onWritePossible when the output is ready
                return;
            }
        }
        drain();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable error) {
        fail();
    }

    /** Writes while the socket takes it, then flushes; stops when Jetty reports the output busy. */
    private void drain() {
        CompletableFuture<Void> wake = null;
        boolean finished = false;
        synchronized (this) {
            if (out == null || gone.isDone()) return;
            try {
                while (out.isReady()) {
                    byte[] next = queue.poll();
                    if (next != null) {
                        out.write(next); // small writes are aggregated by Jetty until the flush
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else {
                        finished = closing;
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                wake = room;
                room = null;
                gone.complete(null);
                finished = true;
            }
            if (room != null && queue.size() <= LOW_WATER) {
                wake = room;
                room = null;
            }
        }
        if (wake != null) wake.complete(null); // outside the lock: the producer's next read may run here
        if (finished) closed.complete(null);
    }

    private void fail() {
        CompletableFuture<Void> wake;
        synchronized (this) {
            gone.complete(null);
            wake = room;
            room = null;
        }
        if (wake != null) wake.complete(null);
        closed.complete(null);
    }

    private void begin() {
        try {
            ctx.status(200)
                    .contentType("text/event-stream; charset=utf-8")
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no");
            out = ctx.res().getOutputStream();
            out.setWriteListener(this);
        } catch (IOException | RuntimeException e) {
            queue.clear();
            gone.complete(null);
            closed.complete(null);
        }
    }
}
