package eco2.location.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.LocationTestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saved places: CRUD, the 20-place limit, exactly one default, ownership, validation and the default race. */
class SavedPlacesIT {
    static final String ME = "/api/v1/locations/me";

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    @Test
    void createListReplaceAndDelete() {
        LocationTestApp.User user = location.get().register();
        TestHttp.Response created = create(user, place("집", "서울 마포구 월드컵로 1", 37.5563, 126.9236, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode home = created.json();
        assertThat(home.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "name", "address", "latitude", "longitude", "is_default");
        assertThat(created.header("Location"))
                .isEqualTo(ME + "/" + home.get("id").asText());
        assertThat(home.get("is_default").asBoolean())
                .as("the first place is the default")
                .isTrue();

        JsonNode office =
                create(user, place("  회사  ", null, 37.5665, 126.9780, null)).json();
        assertThat(office.get("name").asText()).isEqualTo("회사");
        assertThat(office.get("address").isNull()).isTrue();
        assertThat(office.get("is_default").asBoolean()).isFalse();
        assertThat(list(user).findValuesAsText("name")).containsExactly("집", "회사");

        TestHttp.Response replaced =
                put(user, office.get("id").asText(), place("새 회사", "서울 중구 세종대로 110", 37.5663, 126.9779, null));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").asText()).isEqualTo("새 회사");
        assertThat(replaced.json().get("latitude").asDouble()).isEqualTo(37.5663);
        assertThat(replaced.json().get("is_default").asBoolean()).isFalse();

        assertThat(location.get()
                        .http
                        .method("DELETE", ME + "/" + office.get("id").asText(), user.auth())
                        .status())
                .isEqualTo(204);
        assertThat(location.get()
                        .http
                        .method("DELETE", ME + "/" + office.get("id").asText(), user.auth())
                        .status())
                .isEqualTo(404);
        assertThat(list(user).findValuesAsText("name")).containsExactly("집");
    }

    @Test
    void makingAnotherPlaceTheDefaultMovesTheDefault() {
        LocationTestApp.User user = location.get().register();
        String a = create(user, place("A", null, 37.1, 127.1, null))
                .json()
                .get("id")
                .asText();
        String b = create(user, place("B", null, 37.2, 127.2, true))
                .json()
                .get("id")
                .asText();
        assertThat(defaults(user)).containsExactly(b);
        put(user, a, place("A", null, 37.1, 127.1, true));
        assertThat(defaults(user)).containsExactly(a);
        assertThat(list(user).get(0).get("id").asText())
                .as("the default is listed first")
                .isEqualTo(a);

        TestHttp.Response unset = put(user, a, place("A", null, 37.1, 127.1, false));
        assertThat(unset.status()).isEqualTo(422);
        assertThat(unset.json().get("errors").findValuesAsText("field")).containsExactly("is_default");
        assertThat(defaults(user)).containsExactly(a);
        assertThat(put(user, b, place("B", null, 37.2, 127.2, false)).status())
                .as("already not the default")
                .isEqualTo(200);
    }

    @Test
    void deletingTheDefaultPromotesTheOldestRemainingPlace() {
        LocationTestApp.User user = location.get().register();
        String first = create(user, place("1", null, 37.1, 127.1, null))
                .json()
                .get("id")
                .asText();
        String second = create(user, place("2", null, 37.2, 127.2, null))
                .json()
                .get("id")
                .asText();
        String third = create(user, place("3", null, 37.3, 127.3, true))
                .json()
                .get("id")
                .asText();
        location.get().http.method("DELETE", ME + "/" + third, user.auth());
        assertThat(defaults(user)).containsExactly(first);
        location.get().http.method("DELETE", ME + "/" + first, user.auth());
        assertThat(defaults(user)).containsExactly(second);
        location.get().http.method("DELETE", ME + "/" + second, user.auth());
        assertThat(list(user)).isEmpty();
        assertThat(create(user, place("again", null, 37.4, 127.4, false))
                        .json()
                        .get("is_default")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void twentyPlacesAtMost() {
        LocationTestApp.User user = location.get().register();
        for (int i = 1; i <= 20; i++) {
            assertThat(create(user, place("place " + i, null, 37 + i / 100.0, 127, null))
                            .status())
                    .isEqualTo(201);
        }
        TestHttp.Response over = create(user, place("place 21", null, 37.5, 127, null));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("code").asText()).isEqualTo("conflict");
        assertThat(list(user)).hasSize(20);
    }

    @Test
    void anotherUsersPlaceIsNotFoundAndStaysAsItWas() {
        LocationTestApp.User owner = location.get().register();
        LocationTestApp.User other = location.get().register();
        String id = create(owner, place("집", "비밀 주소", 37.5, 127.0, null))
                .json()
                .get("id")
                .asText();
        String before = list(owner).toString();

        assertThat(list(other)).isEmpty();
        TestHttp.Response update = put(other, id, place("mine now", null, 1, 1, true));
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.json().get("code").asText()).isEqualTo("not_found");
        assertThat(location.get()
                        .http
                        .method("DELETE", ME + "/" + id, other.auth())
                        .status())
                .isEqualTo(404);
        assertThat(list(owner).toString()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "12345", "00000000-0000-0000-0000-00000000000g", "%20"})
    void malformedIdsAre404(String id) {
        LocationTestApp.User user = location.get().register();
        assertThat(put(user, id, place("x", null, 1, 1, null)).status()).isEqualTo(404);
        assertThat(location.get()
                        .http
                        .method("DELETE", ME + "/" + id, user.auth())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyRouteNeedsAToken() {
        String id = "00000000-0000-0000-0000-000000000001";
        assertThat(location.get().http.get(ME).status()).isEqualTo(401);
        assertThat(location.get()
                        .http
                        .postJson(ME, TestHttp.json(place("x", null, 1, 1, null)))
                        .status())
                .isEqualTo(401);
        assertThat(location.get()
                        .http
                        .send("PUT", ME + "/" + id, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(401);
        assertThat(location.get().http.method("DELETE", ME + "/" + id).status()).isEqualTo(401);
        assertThat(location.get()
                        .http
                        .get(ME, "Authorization", "Bearer not-a-token")
                        .status())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":\"\",\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":\"   \",\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":\"123456789012345678901234567890123456789012345678901\",\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":\"bell\\u0007\",\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":7,\"latitude\":37.5,\"longitude\":127}|name",
                "{\"name\":\"집\",\"longitude\":127}|latitude",
                "{\"name\":\"집\",\"latitude\":37.5}|longitude",
                "{\"name\":\"집\",\"latitude\":90.5,\"longitude\":127}|latitude",
                "{\"name\":\"집\",\"latitude\":37.5,\"longitude\":-181}|longitude",
                "{\"name\":\"집\",\"latitude\":\"37.5\",\"longitude\":127}|latitude",
                "{\"name\":\"집\",\"latitude\":37.5,\"longitude\":127,\"is_default\":\"yes\"}|is_default",
                "{\"name\":\"집\",\"latitude\":37.5,\"longitude\":127,\"user_id\":\"00000000-0000-0000-0000-000000000001\"}|user_id",
                "{\"name\":\"집\",\"address\":5,\"latitude\":37.5,\"longitude\":127}|address",
                "{\"name\":\"\",\"latitude\":999,\"longitude\":999,\"extra\":1}|extra",
                "{\"name\":\"\",\"latitude\":999,\"longitude\":999}|name,latitude,longitude",
            })
    void badBodiesAre422NamingTheFieldsAndSaveNothing(String caseLine) {
        LocationTestApp.User user = location.get().register();
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = location.get().http.postJson(ME, parts[0], user.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(parts[1].split(","));
        assertThat(list(user)).isEmpty();
    }

    @Test
    void anAddressOver200CharactersIs422() {
        LocationTestApp.User user = location.get().register();
        assertThat(create(user, place("집", "가".repeat(201), 37.5, 127, null)).status())
                .isEqualTo(422);
        assertThat(create(user, place("집", "가".repeat(200), 37.5, 127, null)).status())
                .isEqualTo(201);
    }

    @Test
    void malformedJsonIs400WithTheEnvelope() {
        LocationTestApp.User user = location.get().register();
        TestHttp.Response r = location.get().http.postJson(ME, "{\"name\": ", user.auth());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("bad_request");
        assertThat(r.json().get("request_id").asText()).isNotBlank();
        assertThat(location.get()
                        .http
                        .post(ME, "text/plain", "x".getBytes(StandardCharsets.UTF_8), user.auth())
                        .status())
                .isEqualTo(400);
    }

    /** Two "make it the default" calls at once, many times over: always exactly one default, never an error. */
    @RepeatedTest(5)
    void concurrentDefaultChangesLeaveExactlyOneDefault() throws Exception {
        LocationTestApp.User user = location.get().register();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            ids.add(create(user, place("p" + i, null, 37 + i / 10.0, 127, null))
                    .json()
                    .get("id")
                    .asText());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : ids) {
                Callable<Integer> makeDefault = () -> {
                    go.await();
                    return put(user, id, place("p", null, 37, 127, true)).status();
                };
                results.add(pool.submit(makeDefault));
            }
            go.countDown();
            for (Future<Integer> result : results) assertThat(result.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(defaults(user)).hasSize(1);
        long inDatabase = location.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM locations.user_locations WHERE user_id = CAST(:id AS uuid) AND is_default")
                        .bind("id", user.id())
                        .mapTo(Long.class)
                        .one());
        assertThat(inDatabase).isEqualTo(1);
    }

    /** Racing past the limit: 10 creates at once on a user with 15 places leave exactly 20. */
    @Test
    void concurrentCreatesStopAtTwenty() throws Exception {
        LocationTestApp.User user = location.get().register();
        for (int i = 0; i < 15; i++) create(user, place("p" + i, null, 37, 127, null));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return create(user, place("late", null, 37, 127, true)).status();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) statuses.add(result.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(list(user)).hasSize(20);
        assertThat(defaults(user)).hasSize(1);
    }

    static Map<String, Object> place(String name, String address, double lat, double lon, Boolean isDefault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (address != null) body.put("address", address);
        body.put("latitude", lat);
        body.put("longitude", lon);
        if (isDefault != null) body.put("is_default", isDefault);
        return body;
    }

    private static TestHttp.Response create(LocationTestApp.User user, Map<String, Object> body) {
        return location.get().http.postJson(ME, TestHttp.json(body), user.auth());
    }

    private static TestHttp.Response put(LocationTestApp.User user, String id, Map<String, Object> body) {
        return location.get()
                .http
                .send(
                        "PUT",
                        ME + "/" + id,
                        "application/json",
                        TestHttp.json(body).getBytes(StandardCharsets.UTF_8),
                        user.auth());
    }

    private static JsonNode list(LocationTestApp.User user) {
        TestHttp.Response r = location.get().http.get(ME, user.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static List<String> defaults(LocationTestApp.User user) {
        List<String> ids = new ArrayList<>();
        list(user).forEach(p -> {
            if (p.get("is_default").asBoolean()) ids.add(p.get("id").asText());
        });
        return ids;
    }
}
