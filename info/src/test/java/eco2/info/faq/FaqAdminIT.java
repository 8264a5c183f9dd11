package eco2.info.faq;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.info.InfoTestApp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admin FAQ writes: permissions, validation, placement, counters kept on replace, delete with its votes. */
class FaqAdminIT {
    static final String FAQ = "/api/v1/recycle/faq";

    @RegisterExtension
    static final RunningApp<InfoTestApp> info = RunningApp.of(InfoTestApp::start);

    static InfoTestApp.User admin;
    static InfoTestApp.User user;

    @BeforeAll
    static void start() throws Exception {
        admin = info.get().admin();
        user = info.get().register();
    }

    @Test
    void onlyAdminsWrite() {
        String body = TestHttp.json(valid("only-admins"));
        assertThat(info.get().http.postJson(FAQ, body).status()).isEqualTo(401);
        assertThat(info.get().http.postJson(FAQ, body, user.auth()).status()).isEqualTo(403);
        String id = info.get().faqId("four-principles");
        assertThat(send("PUT", FAQ + "/" + id, body, user).status()).isEqualTo(403);
        assertThat(send("DELETE", FAQ + "/" + id, "", user).status()).isEqualTo(403);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.faqs")).isGreaterThanOrEqualTo(33);
    }

    @Test
    void aNewQuestionGoesLastAndCanBeRead() {
        long lastOrder = info.get().count("SELECT max(display_order) FROM recycle_info.faqs");
        TestHttp.Response created = info.get().http.postJson(FAQ, TestHttp.json(valid("new-question")), admin.auth());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(FAQ + "/" + id);
        assertThat(created.json().get("display_order").asLong()).isEqualTo(lastOrder + 1);
        assertThat(created.json().get("view_count").asLong()).isZero();
        assertThat(info.get().http.get(FAQ + "/" + id).json().get("question").asText())
                .isEqualTo("우산은 어떻게 버리나요?");
        assertThat(info.get()
                        .http
                        .postJson(FAQ, TestHttp.json(valid("new-question")), admin.auth())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void replacingKeepsTheCountersAndTakesTheQuestionFromTheLoader() {
        String id = info.get().faqId("can-crush");
        info.get().http.get(FAQ + "/" + id);
        long views = info.get().count("SELECT view_count FROM recycle_info.faqs WHERE id = '" + id + "'");
        Map<String, Object> body = valid(null);
        body.put("answer", "고친 답변입니다.\n두 줄로 씁니다.");
        TestHttp.Response replaced = send("PUT", FAQ + "/" + id, TestHttp.json(body), admin);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("slug").asText()).isEqualTo("can-crush");
        assertThat(replaced.json().get("answer").asText()).isEqualTo("고친 답변입니다.\n두 줄로 씁니다.");
        assertThat(replaced.json().get("view_count").asLong()).isEqualTo(views);
        assertThat(info.get()
                        .count("SELECT count(*) FROM recycle_info.faqs WHERE id = '" + id
                                + "' AND content_hash IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void deletingRemovesTheQuestionAndItsVotes() {
        String id = info.get()
                .http
                .postJson(FAQ, TestHttp.json(valid("to-delete")), admin.auth())
                .json()
                .get("id")
                .asText();
        assertThat(info.get()
                        .http
                        .postJson(FAQ + "/" + id + "/helpful", "", user.auth())
                        .status())
                .isEqualTo(200);

        assertThat(send("DELETE", FAQ + "/" + id, "", admin).status()).isEqualTo(204);

        assertThat(info.get().http.get(FAQ + "/" + id).status()).isEqualTo(404);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.faq_helpful WHERE faq_id = '" + id + "'"))
                .isZero();
        assertThat(send("DELETE", FAQ + "/" + id, "", admin).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "question|null",
                "question|blank",
                "question|long",
                "question|newline",
                "answer|null",
                "answer|long",
                "category|unknown",
                "category|null",
                "display_order|negative",
                "display_order|text",
                "view_count|number",
                "slug|bad"
            })
    void invalidQuestionsAre422(String caseLine) {
        String[] parts = caseLine.split("\\|");
        Map<String, Object> body = valid("invalid-faq");
        body.put(
                parts[0],
                switch (parts[1]) {
                    case "null" -> null;
                    case "blank" -> " ";
                    case "long" -> "가".repeat(5001);
                    case "newline" -> "첫 줄\n둘째 줄";
                    case "unknown" -> "space";
                    case "negative" -> -1;
                    case "text" -> "first";
                    case "number" -> 1000;
                    case "bad" -> "Bad Slug";
                    default -> throw new IllegalArgumentException(parts[1]);
                });
        TestHttp.Response r = info.get().http.postJson(FAQ, TestHttp.json(body), admin.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains(parts[0]);
        assertThat(info.get().count("SELECT count(*) FROM recycle_info.faqs WHERE slug = 'invalid-faq'"))
                .isZero();
    }

    static Map<String, Object> valid(String slug) {
        Map<String, Object> faq = new LinkedHashMap<>();
        if (slug != null) faq.put("slug", slug);
        faq.put("category", "general");
        faq.put("question", "우산은 어떻게 버리나요?");
        faq.put("answer", "천과 살을 분리할 수 있으면 나눠 버리고, 아니면 종량제 봉투에 넣습니다.");
        return faq;
    }

    static TestHttp.Response send(String method, String path, String body, InfoTestApp.User caller) {
        return info.get()
                .http
                .send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), caller.auth());
    }
}
