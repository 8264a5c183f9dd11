package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import eco2.workers.scan.ScanTestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat against a fake streaming provider: forwarding as tokens arrive, failures before and after, disconnects. */
class ChatProviderIT {
    static FakeStreamingLlm llm;
    static ScanTestApp app;
    static ScanTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeStreamingLlm();
        app = ScanTestApp.start(ScanTestApp.provider(llm.baseUrl(), Duration.ofSeconds(10)), 20);
        user = app.register();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.status = 200;
        llm.tokens = 10;
        llm.firstTokenMillis = 50;
        llm.intervalMillis = 20;
        llm.breakAfter = -1;
        llm.firstTokenSentAt.set(0);
        llm.clientGoneAt.set(0);
    }

    static String body(boolean stream) {
        return TestHttp.json(
                Map.of("stream", stream, "messages", List.of(Map.of("role", "user", "content", "페트병 어떻게 버려?"))));
    }

    /** A raw streaming request: the status line is read, the rest is left to the caller. */
    static Socket open(BufferedReader[] reader) throws Exception {
        Socket socket = new Socket("127.0.0.1", app.app.port());
        String json = body(true);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/chat/completions HTTP/1.0\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + user.accessToken() + "\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
        reader[0] = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        return socket;
    }

    @SuppressWarnings("try") // the socket is read through in[0]; the try closes it
    @Test
    void tokensAreForwardedAsTheyArriveNotAtTheEnd() throws Exception {
        llm.tokens = 20;
        llm.intervalMillis = 100; // the whole answer takes 2 s
        BufferedReader[] in = new BufferedReader[1];
        try (Socket socket = open(in)) {
            String line;
            long firstContentAt = 0;
            while ((line = in[0].readLine()) != null) {
                if (line.contains("\"content\":\"t0 \"")) {
                    firstContentAt = System.nanoTime();
                    break;
                }
            }
            long sent = llm.firstTokenSentAt.get();
            assertThat(sent).isPositive();
            assertThat(TimeUnit.NANOSECONDS.toMillis(firstContentAt - sent))
                    .as("first token reached the client long before the provider finished")
                    .isLessThan(1000);
            StringBuilder rest = new StringBuilder();
            while ((line = in[0].readLine()) != null) rest.append(line).append('\n');
            assertThat(rest.toString()).contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void theStoredAnswerIsTheProvidersTextAndTheProviderSawTheGuidesFacts() {
        TestHttp.Response whole = app.http.postJson("/api/v1/chat/completions", body(false), user.auth());
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        String expected = String.join(
                "",
                java.util.stream.IntStream.range(0, 10)
                        .mapToObj(FakeStreamingLlm::token)
                        .toList());
        assertThat(whole.json()
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .isEqualTo(expected);
        assertThat(whole.json().get("eco2").get("sources").get(0).get("name").asText())
                .contains("페트병");
    }

    @Test
    void anUpstreamErrorBeforeTheFirstTokenIsA502Envelope() {
        llm.status = 500;
        int before = llm.requests.get();
        TestHttp.Response failed = app.http.postJson("/api/v1/chat/completions", body(true), user.auth());
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.header("Content-Type")).startsWith("application/json");
        JsonNode envelope = failed.json();
        assertThat(envelope.get("code").asText()).isEqualTo("bad_gateway");
        assertThat(envelope.get("error").get("type").asText()).isEqualTo("api_error");
        assertThat(llm.requests.get() - before)
                .as("retried twice before giving up")
                .isEqualTo(3);
    }

    @Test
    void anUpstreamBreakMidStreamEndsWithAnErrorChunkAndDone() {
        llm.breakAfter = 3;
        TestHttp.Response response = app.http.postJson("/api/v1/chat/completions", body(true), user.auth());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"t2 \"");
        assertThat(response.body()).contains("data: {\"error\":{\"code\":\"provider_error\",\"message\":");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamAndThePartialAnswerIsStoredAsCancelled() throws Exception {
        llm.tokens = 200;
        llm.intervalMillis = 50;
        BufferedReader[] in = new BufferedReader[1];
        Socket socket = open(in);
        for (String line = in[0].readLine(); line != null; line = in[0].readLine()) {
            if (line.contains("\"content\":\"t3 \"")) break;
        }
        long leftAt = System.nanoTime();
        socket.close();
        Await.until(() -> llm.clientGoneAt.get() != 0);
        assertThat(TimeUnit.NANOSECONDS.toMillis(llm.clientGoneAt.get() - leftAt))
                .isLessThan(1000);
        Await.until(() -> app.count("SELECT count(*) FROM chat.messages WHERE finish_reason = 'cancelled'") == 1);
        String stored = app.db.withHandle(
                h -> h.createQuery("SELECT content FROM chat.messages WHERE finish_reason = 'cancelled'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("t0 t1 t2 t3 ");
        assertThat(stored).doesNotContain("t199");
    }
}
