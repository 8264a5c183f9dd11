package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.testing.TestHttp;
import eco2.workers.scan.ScanTestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline chat end to end: both response shapes field by field, sessions, multi-turn and declines. */
class ChatIT {
    static final String PATH = "/api/v1/chat/completions";
    static final ObjectMapper JSON = new ObjectMapper();
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

    static String ask(String question, Object... extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("model", "gpt-4o-mini");
        body.put("messages", List.of(Map.of("role", "user", "content", question)));
        for (int i = 0; i < extra.length; i += 2) body.put((String) extra[i], extra[i + 1]);
        return TestHttp.json(body);
    }

    static JsonNode complete(String body) {
        TestHttp.Response response = app.http.postJson(PATH, body, user.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The {@code data:} payloads of an event stream, in order ([DONE] as the text node "[DONE]"). */
    static List<JsonNode> events(String body) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.startsWith("data: ")) continue;
            String data = line.substring(6);
            events.add(data.equals("[DONE]") ? JSON.getNodeFactory().textNode("[DONE]") : JSON.readTree(data));
        }
        return events;
    }

    @Test
    void aWholeAnswerHasOpenAisShapeAndEco2sSources() {
        JsonNode answer = complete(ask("치킨 뼈는 음식물이야?"));

        assertThat(answer.get("id").asText()).startsWith("chatcmpl-");
        assertThat(answer.get("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.get("created").asLong()).isPositive();
        assertThat(answer.get("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = answer.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = answer.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt()
                        + usage.get("completion_tokens").asInt());
        JsonNode eco2 = answer.get("eco2");
        assertThat(eco2.get("intent").asText()).isEqualTo("waste");
        JsonNode source = eco2.get("sources").get(0);
        assertThat(source.get("type").asText()).isEqualTo("item");
        JsonNode item = app.http
                .get("/api/v1/recycle/items/" + source.get("id").asText())
                .json();
        assertThat(item.get("name").asText())
                .isEqualTo(source.get("name").asText())
                .contains("뼈");
        assertThat(choice.get("message").get("content").asText())
                .contains(item.get("how_to_recycle").get(0).asText());

        JsonNode session = app.http
                .get("/api/v1/chat/sessions/" + eco2.get("session_id").asText(), user.auth())
                .json();
        assertThat(session.get("title").asText()).isEqualTo("치킨 뼈는 음식물이야?");
        assertThat(session.get("messages"))
                .extracting(m -> m.get("role").asText())
                .containsExactly("user", "assistant");
        assertThat(session.get("messages").get(1).get("content").asText())
                .isEqualTo(choice.get("message").get("content").asText());
        assertThat(session.get("messages").get(1).get("sources").get(0).get("id"))
                .isEqualTo(source.get("id"));
    }

    @Test
    void aStreamIsChunksWhoseDeltasMakeTheStoredAnswerThenDone() throws Exception {
        TestHttp.Response response = app.http.postJson(
                PATH, ask("페트병 어떻게 버려?", "stream", true, "stream_options", Map.of("include_usage", true)), user.auth());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        List<JsonNode> events = events(response.body());

        assertThat(events.get(events.size() - 1).asText()).isEqualTo("[DONE]");
        JsonNode first = events.get(0);
        assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.get("choices").get(0).get("delta").get("role").asText())
                .isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        JsonNode finish = null;
        JsonNode usage = null;
        for (JsonNode event : events.subList(0, events.size() - 1)) {
            assertThat(event.get("id")).isEqualTo(first.get("id"));
            if (event.has("usage")) usage = event.get("usage");
            if (event.get("choices").isEmpty()) continue;
            JsonNode choice = event.get("choices").get(0);
            if (choice.get("delta").has("content"))
                text.append(choice.get("delta").get("content").asText());
            if (!choice.get("finish_reason").isNull()) finish = event;
        }
        assertThat(events.size()).isGreaterThan(10); // word-sized chunks, not one blob
        assertThat(finish.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.get("eco2").get("sources").get(0).get("name").asText())
                .contains("페트병");
        assertThat(usage.get("completion_tokens").asInt()).isPositive();
        String sessionId = finish.get("eco2").get("session_id").asText();
        JsonNode stored =
                app.http.get("/api/v1/chat/sessions/" + sessionId, user.auth()).json();
        assertThat(stored.get("messages").get(1).get("content").asText()).isEqualTo(text.toString());
    }

    @Test
    void aFollowUpIsReadInTheLightOfTheEarlierQuestion() {
        JsonNode first = complete(ask("페트병은 어떻게 버려?"));
        String session = first.get("eco2").get("session_id").asText();
        JsonNode followUp = complete(ask("그럼 뚜껑은?", "session_id", session));
        assertThat(followUp.get("eco2").get("sources").get(0).get("name").asText())
                .contains("뚜껑");
        assertThat(followUp.get("eco2").get("session_id").asText()).isEqualTo(session);
        assertThat(app.http
                        .get("/api/v1/chat/sessions/" + session, user.auth())
                        .json()
                        .get("messages"))
                .hasSize(4);
    }

    @Test
    void whatTheGuideLacksIsSaidAndOtherTopicsAreDeclinedPolitely() {
        JsonNode unknown = complete(ask("우주왕복선 엔진은 어떻게 버려?"));
        assertThat(unknown.get("choices").get(0).get("message").get("content").asText())
                .contains("찾지 못했어요");
        assertThat(unknown.get("eco2").get("sources")).isEmpty();

        JsonNode weather = complete(ask("오늘 날씨 어때?"));
        assertThat(weather.get("eco2").get("intent").asText()).isEqualTo("weather");
        assertThat(weather.get("choices").get(0).get("message").get("content").asText())
                .contains("날씨");

        JsonNode english = complete(ask("What's the weather like today?"));
        assertThat(english.get("choices").get(0).get("message").get("content").asText())
                .contains("weather");
    }

    @Test
    void theCharacterCatalogueGroundsCharacterQuestions() {
        JsonNode answer = complete(ask("캐릭터는 몇 개야?"));
        assertThat(answer.get("eco2").get("intent").asText()).isEqualTo("character");
        assertThat(answer.get("eco2").get("sources")).hasSize(13);
        assertThat(answer.get("choices").get(0).get("message").get("content").asText())
                .contains("페티", "13");
    }

    @Test
    void sessionsAreListedAndDeletedByTheirOwnerOnly() throws Exception {
        ScanTestApp.User owner = app.register();
        ScanTestApp.User stranger = app.register();
        String session = app.http
                .postJson(PATH, ask("우유팩 버리는 법"), owner.auth())
                .json()
                .get("eco2")
                .get("session_id")
                .asText();
        JsonNode feed = app.http.get("/api/v1/chat/sessions", owner.auth()).json();
        assertThat(feed.get("items").get(0).get("id").asText()).isEqualTo(session);
        assertThat(feed.get("items").get(0).get("message_count").asInt()).isEqualTo(2);
        assertThat(feed.get("next_cursor").isNull()).isTrue();

        assertThat(app.http
                        .get("/api/v1/chat/sessions/" + session, stranger.auth())
                        .status())
                .isEqualTo(404);
        assertThat(app.http
                        .method("DELETE", "/api/v1/chat/sessions/" + session, stranger.auth())
                        .status())
                .isEqualTo(404);
        TestHttp.Response intoTheirs = app.http.postJson(PATH, ask("유리병", "session_id", session), stranger.auth());
        assertThat(intoTheirs.status()).isEqualTo(404);
        assertThat(intoTheirs.json().get("error").get("code").asText()).isEqualTo("not_found");

        assertThat(app.http
                        .method("DELETE", "/api/v1/chat/sessions/" + session, owner.auth())
                        .status())
                .isEqualTo(204);
        assertThat(app.http
                        .get("/api/v1/chat/sessions/" + session, owner.auth())
                        .status())
                .isEqualTo(404);
        assertThat(app.count("SELECT count(*) FROM chat.messages WHERE session_id = CAST('" + session + "' AS uuid)"))
                .isZero();
    }

    @Test
    void aNearbyQuestionWithALocationListsTheNearestMatchingBinsAndCentres() {
        JsonNode answer =
                complete(ask("근처에 폐건전지 수거함 있어?", "location", Map.of("latitude", 37.5663, "longitude", 126.9779)));
        assertThat(answer.get("eco2").get("intent").asText()).isEqualTo("collection_point");
        JsonNode sources = answer.get("eco2").get("sources");
        List<JsonNode> bins = new ArrayList<>();
        sources.forEach(s -> {
            if (s.get("type").asText().equals("bin")) bins.add(s);
        });
        assertThat(bins)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.get("name").asText()).contains("battery"));
        String content =
                answer.get("choices").get(0).get("message").get("content").asText();
        assertThat(content).contains(bins.get(0).get("name").asText());

        JsonNode withoutLocation = complete(ask("근처에 폐건전지 수거함 있어?"));
        assertThat(withoutLocation
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .contains("위치");
    }
}
