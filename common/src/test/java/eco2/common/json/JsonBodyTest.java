package eco2.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import eco2.common.error.BadRequest;
import eco2.common.error.FieldErrors;
import eco2.common.error.Invalid;
import eco2.common.http.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict request bodies: 400 for what is not a JSON object, 422 listing every unknown, mistyped or invalid field. */
class JsonBodyTest {
    private final JsonBody jsonBody = new JsonBody(Json.newMapper(), HttpSettings.ONE_MIB);

    enum Color {
        RED,
        GREEN
    }

    /** A request body with one field of each shape JsonShape knows, and two rules of its own. */
    record Signup(
            String displayName,
            Integer age,
            Integer quantity,
            String bio,
            Boolean subscribed,
            Color color,
            List<String> tags,
            Double ratio,
            Long total)
            implements Validated {
        @Override
        public void validate(FieldErrors errors) {
            if (!errors.check(displayName == null, "display_name", "is required")) {
                errors.check(
                        displayName.length() < 2 || displayName.length() > 20,
                        "display_name",
                        "must be 2-20 characters");
            }
            if (age != null) errors.check(age < 0 || age > 150, "age", "must be between 0 and 150");
        }
    }

    /** A body with a primitive field, as handlers often declare page sizes. */
    record Page(int limit, String cursor) {}

    private Signup parse(String json) {
        return jsonBody.parse(json.getBytes(StandardCharsets.UTF_8), Signup.class);
    }

    private Invalid invalid(String json) {
        Invalid e = catchThrowableOfType(Invalid.class, () -> parse(json));
        assertThat(e).as("expected 422 for %s", json).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("validation_error");
        return e;
    }

    private BadRequest badRequest(String json) {
        BadRequest e = catchThrowableOfType(BadRequest.class, () -> parse(json));
        assertThat(e).as("expected 400 for %s", json).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("bad_request");
        return e;
    }

    @Test
    void aGoodBodyBindsWithSnakeCaseNames() {
        Signup s = parse("""
        {"display_name": "Ann", "age": 30, "quantity": 2, "bio": "hi", "subscribed": true, "color": "GREEN",
         "tags": ["a", "b"], "ratio": 0.5, "total": 10000000000}""");

        assertThat(s)
                .isEqualTo(new Signup("Ann", 30, 2, "hi", true, Color.GREEN, List.of("a", "b"), 0.5, 10_000_000_000L));
    }

    @Test
    void aCamelCaseNameIsAnUnknownField() {
        Invalid e = invalid("{\"displayName\": \"Ann\"}");

        assertThat(e.errors()).extracting("field", "message").containsExactly(tuple("displayName", "unknown field"));
    }

    @Test
    void integersAreAcceptedForDoubles() {
        assertThat(parse("{\"display_name\": \"Ann\", \"ratio\": 2}").ratio()).isEqualTo(2.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"display_name\": }",
                "not json",
                "{'display_name': 'Ann'}",
                "{\"display_name\": \"Ann\",}",
                "{display_name: \"Ann\"}",
                "{\"display_name\": \"Ann\""
            })
    void malformedJsonIsABadRequest(String json) {
        assertThat(badRequest(json)).hasMessage("Malformed JSON");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"display_name\": \"Ann\"} garbage",
                "{\"display_name\": \"Ann\"}}",
                "{} {}",
                "{\"display_name\": \"Ann\"} {\"is_admin\": true}"
            })
    void contentAfterTheObjectIsMalformedToo(String json) {
        badRequest(json);
    }

    @Test
    void aDuplicatedKeyIsMalformedRatherThanLastOneWins() {
        // Otherwise a proxy or validator that reads the first value and this service that reads the last disagree.
        assertThat(badRequest("{\"display_name\": \"Ann\", \"display_name\": \"Root\"}"))
                .hasMessage("Malformed JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"display_name\": \"Ann\"}]", "\"Ann\"", "42", "true", "null"})
    void aBodyThatIsNotAnObjectIsABadRequest(String json) {
        assertThat(badRequest(json)).hasMessage("Request body must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void anEmptyBodyIsABadRequest(String json) {
        badRequest(json);
    }

    @Test
    void everyUnknownFieldIsListed() {
        Invalid e =
                invalid("{\"display_name\": \"Ann\", \"points\": 1000000, \"is_admin\": true, \"roles\": [\"admin\"]}");

        assertThat(e.errors())
                .extracting("field", "message")
                .containsExactlyInAnyOrder(
                        tuple("points", "unknown field"),
                        tuple("is_admin", "unknown field"),
                        tuple("roles", "unknown field"));
    }

    @Test
    void everyWronglyTypedFieldIsListedAtOnce() {
        Invalid e = invalid("""
        {"display_name": 123, "age": "12", "quantity": 1.5, "bio": {"text": "hi"}, "color": "purple",
         "subscribed": "yes", "tags": "a,b", "ratio": "half", "total": 2.5, "points": 9}""");

        assertThat(e.errors())
                .extracting("field", "message")
                .containsExactlyInAnyOrder(
                        tuple("display_name", "must be a string"),
                        tuple("age", "must be an integer"),
                        tuple("quantity", "must be an integer"),
                        tuple("bio", "must be a string"),
                        tuple("color", "must be one of: red, green"),
                        tuple("subscribed", "must be a boolean"),
                        tuple("tags", "must be an array"),
                        tuple("ratio", "must be a number"),
                        tuple("total", "must be an integer"),
                        tuple("points", "unknown field"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"display_name\": 5}                 | display_name | must be a string",
                "{\"display_name\": true}              | display_name | must be a string",
                "{\"display_name\": [\"Ann\"]}         | display_name | must be a string",
                "{\"display_name\": {}}                | display_name | must be a string",
                "{\"age\": \"30\"}                     | age          | must be an integer",
                "{\"age\": 30.5}                       | age          | must be an integer",
                "{\"age\": 30.0}                       | age          | must be an integer",
                "{\"age\": 1e2}                        | age          | must be an integer",
                "{\"age\": 3000000000}                 | age          | must be an integer",
                "{\"age\": true}                       | age          | must be an integer",
                "{\"total\": 99999999999999999999}     | total        | must be an integer",
                "{\"subscribed\": 1}                   | subscribed   | must be a boolean",
                "{\"subscribed\": \"true\"}            | subscribed   | must be a boolean",
                "{\"ratio\": \"0.5\"}                  | ratio        | must be a number",
                "{\"color\": \"BLUE\"}                 | color        | must be one of: red, green",
                "{\"color\": 0}                        | color        | must be one of: red, green",
                "{\"tags\": {\"a\": 1}}                | tags         | must be an array"
            })
    void aWronglyTypedFieldIsNamed(String json, String field, String message) {
        Invalid e = invalid(json);

        assertThat(e.errors()).extracting("field", "message").containsExactly(tuple(field, message));
    }

    @Test
    void enumValuesAreAcceptedInTheLowerCaseTheErrorMessageAdvertises() {
        // The 422 message lists "red, green", so a client that follows it must get through.
        assertThat(parse("{\"display_name\": \"Ann\", \"color\": \"red\"}").color())
                .isEqualTo(Color.RED);
    }

    @Test
    void validationRulesAreReportedTogether() {
        Invalid e = invalid("{\"display_name\": \"A\", \"age\": -1}");

        assertThat(e.errors())
                .extracting("field", "message")
                .containsExactlyInAnyOrder(
                        tuple("display_name", "must be 2-20 characters"), tuple("age", "must be between 0 and 150"));
    }

    @Test
    void shapeErrorsAreReportedBeforeRulesRun() {
        // A rule reading a mistyped field would otherwise see garbage; the shape errors come alone.
        Invalid e = invalid("{\"display_name\": \"A\", \"age\": \"old\"}");

        assertThat(e.errors()).extracting("field").containsExactly("age");
    }

    @Test
    void nullIsTreatedAsAbsent() {
        Signup withNulls = parse("""
        {"display_name": "Ann", "age": null, "quantity": null, "bio": null, "subscribed": null, "color": null,
         "tags": null, "ratio": null, "total": null}""");

        assertThat(withNulls).isEqualTo(parse("{\"display_name\": \"Ann\"}"));
    }

    @Test
    void aNullRequiredFieldFailsItsRuleLikeAMissingOne() {
        Invalid e = invalid("{\"display_name\": null}");

        assertThat(e.errors()).extracting("field", "message").containsExactly(tuple("display_name", "is required"));
    }

    @Test
    void aPrimitiveFieldThatIsAbsentOrNullIsRequired() {
        // A primitive has no "absent" value; silently reading 0 would hide client bugs.
        for (String body : new String[] {"{}", "{\"limit\": null}"}) {
            Invalid e = catchThrowableOfType(
                    Invalid.class, () -> jsonBody.parse(body.getBytes(StandardCharsets.UTF_8), Page.class));
            assertThat(e).as(body).isNotNull();
            assertThat(e.errors()).extracting("field", "message").containsExactly(tuple("limit", "is required"));
        }
    }

    @Test
    void unknownFieldsAreCheckedForEveryTypeSeparately() {
        // The property cache is per type: a field known to Signup is unknown to Page.
        parse("{\"display_name\": \"Ann\"}");
        Invalid e = catchThrowableOfType(
                Invalid.class,
                () -> jsonBody.parse(
                        "{\"limit\": 1, \"display_name\": \"Ann\"}".getBytes(StandardCharsets.UTF_8), Page.class));

        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting("field").containsExactly("display_name");
    }

    @Test
    void badTextIsOneErrorPerFieldAndAnUnknownFieldIsOnlyUnknown() {
        Invalid e = invalid("{\"display_name\": \"A\\u0000n\", \"tags\": [\"x\\ud800\"], \"extra\": \"\\u0000\"}");

        assertThat(e.errors())
                .extracting("field", "message")
                .containsExactlyInAnyOrder(
                        tuple("display_name", TextRule.CONTROL),
                        tuple("tags[0]", TextRule.SURROGATE),
                        tuple("extra", "unknown field"));
    }

    @Test
    void onlyMultiLineFieldsTakeNewlines() {
        assertThat(jsonBody.parse("{\"note\": \"a\\nb\\tc\"}".getBytes(StandardCharsets.UTF_8), Note.class)
                        .note())
                .isEqualTo("a\nb\tc");
        Invalid e = catchThrowableOfType(
                Invalid.class,
                () -> jsonBody.parse("{\"title\": \"a\\nb\"}".getBytes(StandardCharsets.UTF_8), Note.class));
        assertThat(e.errors()).extracting("field").containsExactly("title");
    }

    /** A body with one multi-line field. */
    record Note(String title, @MultiLine String note) {}
}
