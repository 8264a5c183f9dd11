package eco2.workers.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OpenAI-compatible streaming server on a bare socket, so it can misbehave the way real ones do: answer
 * 500, or cut the connection mid-stream without ending the chunked body. It streams {@code tokens} tokens
 * ("t0 ", "t1 ", …) after {@code firstTokenMillis}, one every {@code intervalMillis}, and records when it first
 * noticed its client had gone.
 */
final class FakeStreamingLlm implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong firstTokenSentAt = new AtomicLong();
    final AtomicLong clientGoneAt = new AtomicLong();
    volatile int status = 200;
    volatile int tokens = 10;
    volatile long firstTokenMillis = 50;
    volatile long intervalMillis = 20;
    volatile int breakAfter = -1;

    FakeStreamingLlm() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/");
    }

    static String token(int i) {
        return "t" + i + " ";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                pool.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            java.io.InputStream in = socket.getInputStream();
            int length = 0;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                if (line.toLowerCase().startsWith("content-length:"))
                    length = Integer.parseInt(line.substring(15).trim());
            }
            in.readNBytes(length); // the body is read whole, in bytes
            requests.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            if (status != 200) {
                String body = "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}";
                out.write(("HTTP/1.1 " + status + " Error\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(firstTokenMillis);
            for (int i = 0; i < tokens; i++) {
                if (i == breakAfter) return; // no terminating chunk: the body is cut off
                String delta = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"" + token(i) + "\"},\"finish_reason\":null}]}";
                // noted before the write: a server that forwards at once can have the token at its client before
                // this thread runs again
                if (i == 0) firstTokenSentAt.compareAndSet(0, System.nanoTime());
                chunk(out, "data: " + delta + "\n\n");
                Thread.sleep(intervalMillis);
            }
            chunk(out, "data: [DONE]\n\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            clientGoneAt.compareAndSet(0, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One header line, read byte by byte so the body's bytes stay in the stream. */
    private static String line(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
