import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI-compatible provider for the scan and chat benchmarks: one thread, one selector, one timer queue,
 * so thousands of delayed answers and open streams cost no thread each (JDK 17 source launcher, no dependencies).
 *
 * <p>{@code POST /v1/chat/completions}:
 * <ul>
 *   <li>{@code "stream": true}: {@code data: {chunk}} lines in a chunked response, the first after {@code
 *       first_ms}, then one every {@code 1000 / rate} ms, {@code tokens} in all, then {@code data: [DONE]};
 *   <li>{@code "response_format"} (scan's classifier): after {@code delay_ms}, a JSON message content
 *       {@code {category, subcategory, item_name, confidence}} naming a real guide item (four, in turn);
 *   <li>otherwise (scan's answer writer): after {@code delay_ms}, a short Korean sentence.
 * </ul>
 * {@code GET /config?delay_ms=2000&first_ms=200&tokens=60&rate=5} changes the settings between scenarios;
 * {@code GET /stats} answers the counters. Usage: {@code java FakeLlm.java PORT [delay_ms first_ms tokens rate]}.
 */
public final class FakeLlm {
    static volatile long delayMs = 2000, firstMs = 200;
    static volatile int tokens = 60;
    static volatile double rate = 5;
    static final AtomicLong completions = new AtomicLong(), streams = new AtomicLong(), chunks = new AtomicLong();

    static final String[] ITEMS = {
        "{\"category\":\"plastic\",\"subcategory\":\"페트\",\"item_name\":\"투명 페트병\",\"confidence\":0.93}",
        "{\"category\":\"glass\",\"subcategory\":\"유리병\",\"item_name\":\"유리병\",\"confidence\":0.88}",
        "{\"category\":\"metal\",\"subcategory\":\"캔류\",\"item_name\":\"알루미늄 캔\",\"confidence\":0.91}",
        "{\"category\":\"paper\",\"subcategory\":\"종이팩\",\"item_name\":\"우유팩\",\"confidence\":0.86}",
    };
    static final String[] WORDS = {"페트병은 ", "내용물을 ", "비우고 ", "라벨을 ", "떼어 ", "투명 ", "페트병 ", "전용 ",
        "수거함에 ", "버려 ", "주세요. "};

    /** A due action of one connection. */
    record Timer(long at, Conn conn, int seq) {}

    static final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    static Selector selector;
    static long item;

    static final class Conn {
        final SocketChannel ch;
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        boolean busy; // a request is being answered; reading waits
        boolean closeAfter;
        // streaming state
        boolean streaming;
        int sent, total;
        long intervalNs, startNs;
        String id;
        boolean closed;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        if (args.length >= 5) {
            delayMs = Long.parseLong(args[1]);
            firstMs = Long.parseLong(args[2]);
            tokens = Integer.parseInt(args[3]);
            rate = Double.parseDouble(args[4]);
        }
        selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.err.println("fake LLM on 127.0.0.1:" + port);
        while (true) {
            long now = System.nanoTime();
            long wait = 0;
            Timer next = timers.peek();
            if (next != null) wait = Math.max(1, (next.at - now) / 1_000_000);
            if (next != null && next.at <= now) selector.selectNow();
            else selector.select(wait);
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                try {
                    if (!k.isValid()) continue;
                    if (k.isAcceptable()) accept(server);
                    else {
                        Conn c = (Conn) k.attachment();
                        if (k.isWritable()) flush(c);
                        if (k.isValid() && k.isReadable()) read(c);
                    }
                } catch (IOException | RuntimeException e) {
                    if (k.attachment() instanceof Conn c) close(c);
                }
            }
            now = System.nanoTime();
            while (!timers.isEmpty() && timers.peek().at <= now) {
                Timer t = timers.poll();
                if (t.conn.closed) continue;
                try {
                    fire(t);
                } catch (IOException | RuntimeException e) {
                    close(t.conn);
                }
            }
        }
    }

    static void accept(ServerSocketChannel server) throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
    }

    static void read(Conn c) throws IOException {
        if (!c.in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
            c.in.flip();
            bigger.put(c.in);
            c.in = bigger;
        }
        int n = c.ch.read(c.in);
        if (n < 0) {
            close(c);
            return;
        }
        if (!c.busy) parse(c);
    }

    /** One whole request in the buffer: headers, then Content-Length bytes. */
    static void parse(Conn c) throws IOException {
        byte[] buf = c.in.array();
        int len = c.in.position();
        int end = -1;
        for (int i = 3; i < len; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) return;
        String head = new String(buf, 0, end, StandardCharsets.ISO_8859_1);
        int contentLength = 0;
        boolean close = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim().toLowerCase();
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) contentLength = Integer.parseInt(value);
            if (name.equals("connection") && value.toLowerCase().contains("close")) close = true;
        }
        if (len < end + contentLength) return;
        String body = new String(buf, end, contentLength, StandardCharsets.UTF_8);
        // keep what follows (HTTP/1.1 clients do not pipeline, but be exact)
        ByteBuffer rest = ByteBuffer.allocate(Math.max(16 * 1024, len - end - contentLength));
        rest.put(buf, end + contentLength, len - end - contentLength);
        c.in = rest;
        c.busy = true;
        c.closeAfter = close;
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        handle(c, requestLine, body);
    }

    static void handle(Conn c, String requestLine, String body) throws IOException {
        String[] parts = requestLine.split(" ");
        String path = parts.length > 1 ? parts[1] : "/";
        if (path.startsWith("/config")) {
            int q = path.indexOf('?');
            if (q > 0) {
                for (String kv : path.substring(q + 1).split("&")) {
                    String[] p = kv.split("=", 2);
                    if (p.length < 2) continue;
                    switch (p[0]) {
                        case "delay_ms" -> delayMs = Long.parseLong(p[1]);
                        case "first_ms" -> firstMs = Long.parseLong(p[1]);
                        case "tokens" -> tokens = Integer.parseInt(p[1]);
                        case "rate" -> rate = Double.parseDouble(p[1]);
                        default -> {}
                    }
                }
            }
            respond(c, 200, "application/json", settings());
            return;
        }
        if (path.startsWith("/stats")) {
            respond(c, 200, "application/json", "{\"completions\":" + completions.get() + ",\"streams\":"
                    + streams.get() + ",\"chunks\":" + chunks.get() + "}");
            return;
        }
        if (!path.endsWith("/chat/completions") || !parts[0].equals("POST")) {
            respond(c, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}");
            return;
        }
        long now = System.nanoTime();
        if (body.matches("(?s).*\"stream\"\\s*:\\s*true.*")) {
            streams.incrementAndGet();
            c.streaming = true;
            c.sent = 0;
            c.total = tokens;
            c.intervalNs = (long) (1e9 / rate);
            c.startNs = now;
            c.id = "chatcmpl-fake-" + streams.get();
            String headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n";
            send(c, headers.getBytes(StandardCharsets.ISO_8859_1));
            timers.add(new Timer(now + firstMs * 1_000_000, c, 0));
        } else {
            completions.incrementAndGet();
            timers.add(new Timer(now + delayMs * 1_000_000, c, body.contains("\"response_format\"") ? -1 : -2));
        }
    }

    static String settings() {
        return "{\"delay_ms\":" + delayMs + ",\"first_ms\":" + firstMs + ",\"tokens\":" + tokens + ",\"rate\":" + rate
                + "}";
    }

    static void fire(Timer t) throws IOException {
        Conn c = t.conn;
        if (t.seq == -1 || t.seq == -2) {
            String content = t.seq == -1 ? ITEMS[(int) (item++ % ITEMS.length)]
                    : "투명 페트병은 내용물을 비우고 라벨을 떼어 투명 페트병 전용 수거함에 버려 주세요.";
            String json = "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,"
                    + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + quote(content) + "},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}";
            respond(c, 200, "application/json", json);
            return;
        }
        // streaming: token number t.seq (0-based), then [DONE] and the last chunk of the chunked body
        StringBuilder events = new StringBuilder();
        if (t.seq < c.total) {
            String delta = (t.seq == 0 ? "{\"role\":\"assistant\",\"content\":" : "{\"content\":")
                    + quote(WORDS[t.seq % WORDS.length]) + "}";
            events.append("data: {\"id\":\"").append(c.id).append(
                            "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\","
                                    + "\"choices\":[{\"index\":0,\"delta\":")
                    .append(delta).append(",\"finish_reason\":null}]}\n\n");
            chunks.incrementAndGet();
        }
        if (t.seq + 1 >= c.total) {
            events.append("data: {\"id\":\"").append(c.id).append(
                    "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\","
                            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        }
        byte[] data = events.toString().getBytes(StandardCharsets.UTF_8);
        send(c, (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        send(c, data);
        send(c, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (t.seq + 1 >= c.total) {
            send(c, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            finish(c);
        } else {
            // on the stream's own clock, so a late tick does not push back the ones after it
            timers.add(new Timer(c.startNs + firstMs * 1_000_000 + (t.seq + 1) * c.intervalNs, c, t.seq + 1));
        }
    }

    static void respond(Conn c, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + b.length + "\r\n\r\n";
        send(c, head.getBytes(StandardCharsets.ISO_8859_1));
        send(c, b);
        finish(c);
    }

    /** The answer is queued; read the next request (or close when asked to). */
    static void finish(Conn c) throws IOException {
        c.streaming = false;
        c.busy = false;
        if (c.closeAfter) {
            flush(c);
            close(c);
            return;
        }
        if (c.in.position() > 0) parse(c);
    }

    static void send(Conn c, byte[] bytes) throws IOException {
        if (c.closed) return;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (c.out.isEmpty()) {
            c.ch.write(b);
            if (!b.hasRemaining()) return;
        }
        c.out.add(b);
        c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    static void flush(Conn c) throws IOException {
        while (!c.out.isEmpty()) {
            ByteBuffer b = c.out.peek();
            c.ch.write(b);
            if (b.hasRemaining()) return;
            c.out.poll();
        }
        if (c.key.isValid()) c.key.interestOps(SelectionKey.OP_READ);
    }

    static void close(Conn c) {
        c.closed = true;
        try {
            c.key.cancel();
            c.ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\');
            b.append(ch);
        }
        return b.append('"').toString();
    }
}
