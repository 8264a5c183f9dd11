package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The activity feed: newest first, a stable cursor, caps on limit, and only the caller's own rows. */
class ActivityIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);

    @Test
    void pagesCoverEveryActivityOnceNewestFirstEvenWithInsertsBetweenPages() {
        MyTestApp.User user = my.get().register();
        my.get().http.get("/api/v1/users/me", user.auth());
        for (int i = 0; i < 45; i++) insertActivity(user.id(), "scan", i);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = feed(user, "?limit=20" + (cursor == null ? "" : "&cursor=" + enc(cursor)))
                    .json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            if (pages++ == 0) insertActivity(user.id(), "recycle", 99); // lands on top, not inside later pages
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        List<String> newestFirst = my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT id::text FROM users.activities "
                                + "WHERE user_id = CAST(:u AS uuid) AND action = 'scan' "
                                + "ORDER BY created_at DESC, id DESC")
                        .bind("u", user.id())
                        .mapTo(String.class)
                        .list());
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void anItemHasTheDocumentedShape() {
        MyTestApp.User user = my.get().register();
        my.get().http.method("POST", "/api/v1/users/me/check-in", user.auth());
        JsonNode page = feed(user, "").json();

        JsonNode item = page.get("items").get(0);
        assertThat(item.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "action", "points_earned", "metadata", "created_at");
        assertThat(item.get("action").asText()).isEqualTo("check_in");
        assertThat(item.get("points_earned").asInt()).isEqualTo(5);
        assertThat(item.get("metadata").get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void anotherUsersActivitiesNeverShow() {
        MyTestApp.User alice = my.get().register();
        MyTestApp.User bob = my.get().register();
        my.get().http.method("POST", "/api/v1/users/me/check-in", alice.auth());
        my.get().http.get("/api/v1/users/me", bob.auth());

        assertThat(feed(bob, "").json().get("items")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?limit=0|limit",
                "?limit=101|limit",
                "?limit=abc|limit",
                "?limit=-5|limit",
                "?cursor=garbage|cursor",
                "?cursor=bm90LWEtY3Vyc29y|cursor"
            })
    void badParametersAre422(String caseLine) {
        MyTestApp.User user = my.get().register();
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = feed(user, parts[0]);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(parts[1]);
    }

    @Test
    void theFeedNeedsAToken() {
        assertThat(my.get().http.get("/api/v1/users/me/activities").status()).isEqualTo(401);
    }

    private static TestHttp.Response feed(MyTestApp.User user, String query) {
        return my.get().http.get("/api/v1/users/me/activities" + query, user.auth());
    }

    private static void insertActivity(String userId, String action, int n) {
        my.get()
                .db
                .useHandle(h -> h.execute(
                        "INSERT INTO users.activities (id, user_id, action, points_earned) "
                                + "VALUES (?, CAST(? AS uuid), ?, ?)",
                        UUID.randomUUID(),
                        userId,
                        action,
                        n));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
