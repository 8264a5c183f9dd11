package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.workers.scan.ScanTestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad chat requests: 4xx with the envelope and OpenAI's error object, nothing stored; and the stream limit. */
class ChatInputIT {
    static ScanTestApp app;
    static ScanTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        app = ScanTestApp.start();
        user = app.register();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static long stored() {
        return app.count("SELECT count(*) FROM chat.messages");
    }

    @ParameterizedTest(name = "{0} -> {1} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"messages\":                                                  | 400 | bad_request      |",
                "{}                                                              | 422 | validation_error | messages",
                "{\"messages\":[]}                                               | 422 | validation_error | messages",
                "{\"messages\":\"hi\"}                                           | 422 | validation_error | messages",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}           | 422 | validation_error | messages[0].content",
                "{\"messages\":[{\"role\":\"user\",\"content\":5}]}              | 422 | validation_error | messages[0].content",
                "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}        | 422 | validation_error | messages[0].role",
                "{\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}       | 422 | validation_error | messages",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"a\\u0000b\"}]}  | 422 | validation_error | messages[0].content",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2} | 422 | validation_error | n",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}    | 422 | validation_error | stream",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"} | 422 | validation_error | temperature",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[]}           | 422 | validation_error | tools",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"session_id\":\"x\"}   | 422 | validation_error | session_id",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"location\":{\"latitude\":95,\"longitude\":0}} | 422 | validation_error | location.latitude",
            })
    void badRequestsAreRefusedBeforeAnythingIsStored(String body, int status, String code, String field) {
        long before = stored();
        TestHttp.Response refused = app.http.postJson("/api/v1/chat/completions", body, user.auth());
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        JsonNode envelope = refused.json();
        assertThat(envelope.get("code").asText()).isEqualTo(code);
        assertThat(envelope.get("error").get("code").asText()).isEqualTo(code);
        assertThat(envelope.get("error").get("type").asText()).isEqualTo("invalid_request_error");
        if (field != null)
            assertThat(envelope.get("errors"))
                    .extracting(e -> e.get("field").asText())
                    .contains(field);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void fortyMessagesOfFourThousandCharactersAreTheLimit() {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", "유리병"));
        assertThat(post(Map.of("messages", messages)).status()).isEqualTo(200);
        messages.add(Map.of("role", "user", "content", "유리병"));
        TestHttp.Response tooMany = post(Map.of("messages", messages));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("messages");

        String longest = "가".repeat(4000);
        assertThat(post(Map.of("messages", List.of(Map.of("role", "user", "content", longest))))
                        .status())
                .isEqualTo(200);
        TestHttp.Response tooLong = post(Map.of("messages", List.of(Map.of("role", "user", "content", longest + "가"))));
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void theOpenAiFieldsClientsSendAreAccepted() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(
                "messages",
                List.of(Map.of("role", "system", "content", "be brief"), Map.of("role", "user", "content", "유리병")));
        body.put("model", "gpt-4o");
        body.put("temperature", 0.2);
        body.put("top_p", 1);
        body.put("max_tokens", 200);
        body.put("max_completion_tokens", 200);
        body.put("n", 1);
        body.put("stop", List.of("\n\n"));
        body.put("user", "someone");
        body.put("seed", 7);
        body.put("presence_penalty", 0);
        body.put("frequency_penalty", 0);
        body.put("stream", false);
        body.put("stream_options", Map.of("include_usage", true));
        TestHttp.Response ok = post(body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void withoutAValidTokenItIs401WithOpenAisErrorObject() {
        TestHttp.Response refused = app.http.postJson(
                "/api/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "Authorization", "Bearer not-a-token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").get("message").asText()).isNotBlank();
    }

    @Test
    void aFourthOpenStreamIs429BeforeStreamingAndASlotComesBackWhenOneEnds() throws Exception {
        ScanTestApp.User busy = app.register();
        String key = "chat:streams:" + busy.id();
        long until = System.currentTimeMillis() + 60_000;
        try (var redis = new redis.clients.jedis.Jedis(
                java.net.URI.create(eco2.common.testing.TestServices.get().redisUri()))) {
            for (int i = 0; i < 3; i++) redis.zadd(key, until, "held-" + i); // three streams open elsewhere
            String body = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"유리병\"}]}";
            TestHttp.Response refused = app.http.postJson("/api/v1/chat/completions", body, busy.auth());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("error").get("type").asText()).isEqualTo("rate_limit_error");

            redis.zrem(key, "held-0"); // one of them ends
            TestHttp.Response streamed = app.http.postJson("/api/v1/chat/completions", body, busy.auth());
            assertThat(streamed.status()).isEqualTo(200);
            assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
            assertThat(redis.zcard(key))
                    .as("the finished stream gave its slot back")
                    .isEqualTo(2);
        }
    }

    @Test
    void anUnknownSessionIsNotFound() {
        TestHttp.Response missing = post(Map.of(
                "messages", List.of(Map.of("role", "user", "content", "유리병")),
                "session_id", UUID.randomUUID().toString()));
        assertThat(missing.status()).isEqualTo(404);
    }

    static TestHttp.Response post(Map<String, Object> body) {
        return app.http.postJson("/api/v1/chat/completions", TestHttp.json(body), user.auth());
    }
}
