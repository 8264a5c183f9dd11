package eco2.common.http;

import static eco2.common.http.HttpAppIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rule on every decoded string: JSON bodies (nested too), query and path parameters, form fields. */
class RequestTextIT {
    private static TestApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri(), RequestBodiesIT.UNLIMITED);
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    static void refusedNaming(Response r, String field) {
        JsonNode body = envelope(r, 422, "validation_error");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NUL in a string            | {\"message\":\"a\\u0000b\"}                   | message",
                "lone high surrogate        | {\"message\":\"a\\ud800b\"}                   | message",
                "lone low surrogate         | {\"message\":\"a\\udc00b\"}                   | message",
                "ESC                        | {\"message\":\"a\\u001bb\"}                   | message",
                "BEL                        | {\"message\":\"a\\u0007b\"}                   | message",
                "DEL                        | {\"message\":\"a\\u007fb\"}                   | message",
                "C1 control                 | {\"message\":\"a\\u0085b\"}                   | message",
                "newline in single-line     | {\"message\":\"a\\nb\"}                       | message",
                "tab in single-line         | {\"message\":\"a\\tb\"}                       | message",
                "ESC in a multi-line field  | {\"message\":\"m\",\"note\":\"a\\u001bb\"}    | note",
                "NUL in a multi-line field  | {\"message\":\"m\",\"note\":\"a\\u0000b\"}    | note",
                "NUL inside an array        | {\"message\":\"m\",\"tags\":[\"ok\",\"a\\u0000\"]} | tags[1]",
            })
    void aBadStringInAJsonBodyIs422NamingTheField(String what, String json, String field) {
        refusedNaming(http.postJson("/echo/1", json), field);
    }

    @Test
    void multiLineFieldsTakeTabsAndNewlinesAndEmojiAreFine() {
        Response r = http.postJson("/echo/1", "{\"message\":\"hi 🌱\",\"note\":\"line 1\\r\\n\\tline 2\\n\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("message").asText()).isEqualTo("hi 🌱");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "a%1Bb", "a%7Fb", "a%0Ab", "a%C2%85b"})
    void aBadQueryParameterIs422NamingIt(String value) {
        refusedNaming(http.get("/find/x?q=" + value), "q");
    }

    @Test
    void aBadPathParameterIsRefusedNamingIt() {
        Response r = http.get("/find/a%1Bb");

        refusedNaming(r, "term");
    }

    @Test
    void aGoodQueryAndPathPass() {
        Response r = http.get("/find/%ED%8E%98%ED%8A%B8?q=%EC%84%9C%EC%9A%B8+%EC%8B%9C");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("term").asText()).isEqualTo("페트");
        assertThat(r.json().path("query").path("q").get(0).asText()).isEqualTo("서울 시");
    }

    @Test
    void aBadFormFieldIs422NamingIt() {
        Response r = http.post(
                "/form",
                "application/x-www-form-urlencoded",
                "username=a%00b&password=x".getBytes(StandardCharsets.UTF_8));

        refusedNaming(r, "username");
    }

    @Test
    void formsOfAMultiLinePathTakeNewlinesButStillNoOtherControls() {
        byte[] lines = "text=line+1%0D%0A%09line+2".getBytes(StandardCharsets.UTF_8);
        Response multi = http.post("/notes/form", "application/x-www-form-urlencoded", lines);
        assertThat(multi.status()).as(multi.body()).isEqualTo(200);
        assertThat(multi.json().path("text").get(0).asText()).isEqualTo("line 1\r\n\tline 2");

        refusedNaming(http.post("/form", "application/x-www-form-urlencoded", lines), "text");
        refusedNaming(
                http.post(
                        "/notes/form",
                        "application/x-www-form-urlencoded",
                        "text=a%00b".getBytes(StandardCharsets.UTF_8)),
                "text");
    }

    @Test
    void aBadMultipartTextFieldIs422NamingIt() {
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\na\u0000b\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        refusedNaming(http.post("/form", "multipart/form-data; boundary=" + boundary, body), "text");
    }
}
