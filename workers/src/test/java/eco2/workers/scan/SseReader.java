package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bare event-stream client over a socket (HTTP/1.0, so the body is not chunked): it reads the status line,
 * headers and events as they arrive, and can hang up mid-stream like a closed browser tab.
 */
final class SseReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event as received. */
    record Event(long id, String event, JsonNode data) {}

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> comments = new ArrayList<>();
    private final Socket socket;
    private final BufferedReader in;

    SseReader(int port, String pathAndQuery, String... headerPairs) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.append(headerPairs[i])
                    .append(": ")
                    .append(headerPairs[i + 1])
                    .append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        status = Integer.parseInt(in.readLine().split(" ")[1]);
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(),
                    line.substring(colon + 1).trim());
        }
    }

    /** The next event, or null when the server closed the stream. Comments (pings) are collected on the way. */
    Event next() throws IOException {
        long id = -1;
        String name = null;
        String data = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (data != null) return new Event(id, name, JSON.readTree(data));
                continue;
            }
            if (line.startsWith(":")) comments.add(line);
            else if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
            else if (line.startsWith("event: ")) name = line.substring(7);
            else if (line.startsWith("data: ")) data = line.substring(6);
        }
        return null;
    }

    /** Every event until the server ends the stream. */
    List<Event> rest() throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) events.add(e);
        return events;
    }

    /** The body of a refused request (an error envelope). */
    JsonNode body() throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) body.append(line);
        return JSON.readTree(body.toString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
