package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progress stream: order and ids, resume, late connect, tickets, another instance serving it, and a client
 * that hangs up. The fake provider answers after 400 ms, so a stream opened at submission sees the task live.
 */
class ScanStreamIT {
    static FakeLlm llm;
    static ScanTestApp app;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlm()
                .answers(
                        "{\"category\":\"plastic\",\"subcategory\":\"페트\",\"item_name\":\"투명 페트병\",\"confidence\":0.9}")
                .stalls(400);
        app = ScanTestApp.start(ScanTestApp.provider(llm.baseUrl(), Duration.ofSeconds(10)), 20);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        llm.close();
    }

    static JsonNode submit(ScanTestApp.User user) {
        TestHttp.Response accepted =
                app.http.postJson("/api/v1/scan", TestHttp.json(Map.of("text", "페트병")), user.auth());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json();
    }

    static String events(JsonNode accepted) {
        return "/api/v1/scan/" + accepted.get("task_id").asText() + "/events";
    }

    @Test
    void statusEventsThenTheResultInOrderThenTheStreamEnds() throws Exception {
        ScanTestApp.User user = app.register();
        JsonNode accepted = submit(user);
        try (SseReader stream = new SseReader(app.app.port(), events(accepted), user.auth())) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.headers.get("content-type")).startsWith("text/event-stream");
            assertThat(stream.headers.get("cache-control")).isEqualTo("no-cache");
            assertThat(stream.headers.get("x-accel-buffering")).isEqualTo("no");
            List<SseReader.Event> events = stream.rest();

            assertThat(events).extracting(SseReader.Event::id).isSorted().doesNotHaveDuplicates();
            assertThat(events.size()).isGreaterThanOrEqualTo(3); // at least one live status before the end
            SseReader.Event result = events.get(events.size() - 1);
            SseReader.Event last = events.get(events.size() - 2);
            assertThat(last.event()).isEqualTo("status");
            assertThat(last.id()).isEqualTo(6);
            assertThat(last.data().get("status").asText()).isEqualTo("done");
            assertThat(result.event()).isEqualTo("result");
            assertThat(result.id()).isEqualTo(7);
            assertThat(result.data())
                    .isEqualTo(app.http
                            .get(accepted.get("result_url").asText(), user.auth())
                            .json());
            assertThat(events.get(0).data().get("progress").asInt()).isLessThan(100);
        }
    }

    @Test
    void aLateClientGetsTheResultAtOnceAndLastEventIdResumes() throws Exception {
        ScanTestApp.User user = app.register();
        JsonNode accepted = submit(user);
        ScanOfflineIT.awaitEnd(app, user, accepted.get("task_id").asText());

        try (SseReader late = new SseReader(app.app.port(), events(accepted), user.auth())) {
            assertThat(late.rest()).extracting(SseReader.Event::id).containsExactly(6L, 7L);
        }
        try (SseReader resumed =
                new SseReader(app.app.port(), events(accepted), concat(user.auth(), "Last-Event-ID", "6"))) {
            assertThat(resumed.rest()).extracting(SseReader.Event::event).containsExactly("result");
        }
    }

    @Test
    void theTicketOpensTheStreamWithoutAHeaderButNotWhenTampered() throws Exception {
        ScanTestApp.User user = app.register();
        JsonNode accepted = submit(user);
        String streamUrl = accepted.get("stream_url").asText();
        try (SseReader stream = new SseReader(app.app.port(), streamUrl)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.rest()).last().extracting(SseReader.Event::event).isEqualTo("result");
        }
        String tampered = streamUrl.substring(0, streamUrl.length() - 2) + (streamUrl.endsWith("A") ? "BB" : "AA");
        try (SseReader refused = new SseReader(app.app.port(), tampered)) {
            assertThat(refused.status).isEqualTo(401);
            assertThat(refused.body().get("code").asText()).isEqualTo("unauthorized");
        }
        JsonNode other = submit(user);
        String ticket = streamUrl.substring(streamUrl.indexOf("?ticket="));
        try (SseReader wrongTask = new SseReader(app.app.port(), events(other) + ticket)) {
            assertThat(wrongTask.status).isEqualTo(401);
        }
        try (SseReader none = new SseReader(app.app.port(), events(other))) {
            assertThat(none.status).isEqualTo(401);
        }
    }

    @Test
    void anotherCallersTaskIsNotFoundEverywhere() throws Exception {
        ScanTestApp.User owner = app.register();
        ScanTestApp.User stranger = app.register();
        JsonNode accepted = submit(owner);
        assertThat(app.http
                        .get(accepted.get("result_url").asText(), stranger.auth())
                        .status())
                .isEqualTo(404);
        try (SseReader stream = new SseReader(app.app.port(), events(accepted), stranger.auth())) {
            assertThat(stream.status).isEqualTo(404);
            assertThat(stream.body().get("code").asText()).isEqualTo("not_found");
        }
        assertThat(app.http.get("/api/v1/scan/not-a-uuid", owner.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void anInstanceThatDidNotRunTheTaskStreamsItLive() throws Exception {
        int second = app.secondInstance();
        ScanTestApp.User user = app.register();
        JsonNode accepted = submit(user);
        try (SseReader stream = new SseReader(second, events(accepted), user.auth())) {
            SseReader.Event first = stream.next();
            assertThat(first.id()).as("connected before the task ended").isLessThan(6);
            List<SseReader.Event> rest = stream.rest();
            assertThat(rest).last().extracting(SseReader.Event::event).isEqualTo("result");
            assertThat(rest.get(rest.size() - 1).data().get("status").asText()).isEqualTo("done");
        }
    }

    @Test
    void aClientThatHangsUpIsNoticedAndItsStreamReleased() throws Exception {
        ScanTestApp.User user = app.register();
        llm.stalls(3000);
        try {
            JsonNode accepted = submit(user);
            SseReader stream = new SseReader(app.app.port(), events(accepted), user.auth());
            assertThat(stream.next()).isNotNull();
            Await.until(() -> openStreams() == 1);
            stream.close();
            Await.until(() -> openStreams() == 0); // found by the next ping (every 300 ms here)
        } finally {
            llm.stalls(400);
        }
    }

    private static double openStreams() {
        return app.infra
                .metrics()
                .registry()
                .get("eco2_scan_streams_open")
                .gauge()
                .value();
    }

    private static String[] concat(String[] pairs, String name, String value) {
        String[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        all[pairs.length] = name;
        all[pairs.length + 1] = value;
        return all;
    }
}
