package eco2.compose.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One mutation of a valid draft per kind; {@code apply} answers false when the kind does not fit the operation (the
 * generator then draws another). Each sets {@code mustRefuse} only when the result breaks the served spec, the
 * text rule or the authentication rules, so that a 2xx to it is a bug.
 */
final class Mutations {
    private final Random random;
    private final Fixtures fixtures;
    private final Values values;
    private final java.util.Set<String> operations;

    Mutations(Random random, Fixtures fixtures, Values values, java.util.Set<String> operations) {
        this.operations = operations;
        this.random = random;
        this.fixtures = fixtures;
        this.values = values;
    }

    boolean apply(Operation op, CaseGen.Draft d) {
        switch (d.kind) {
            case "valid":
                return true;
            case "tolerated-text":
                return text(op, d, Nasty.tolerated(random), false);
            case "refused-text":
                return text(op, d, Nasty.refused(random), true);
            case "wrong-type":
                return wrongType(op, d);
            case "unknown-field":
                if (!(d.json instanceof ObjectNode o)
                        || !op.bodySchema().path("additionalProperties").isBoolean()) return false;
                o.put(Nasty.pick(List.of("points", "roles", "is_admin", "user_id", "__proto__"), random), 1000);
                return refuse(d);
            case "missing-required":
                return missingRequired(op, d);
            case "malformed-body":
                return malformed(op, d);
            case "wrong-content-type":
                if (op.body() != Operation.Body.JSON) return false;
                d.contentType = Nasty.pick(
                        List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "", "json"),
                        random);
                if (d.contentType.isEmpty()) d.contentType = null;
                return refuse(d);
            case "oversize":
                if (op.body() == Operation.Body.NONE) return false;
                int size = op.body() == Operation.Body.JSON ? (1 << 20) + 10 : (6 << 20);
                d.raw = ("{\"x\":\"" + "a".repeat(size) + "\"}").getBytes(StandardCharsets.US_ASCII);
                return refuse(d);
            case "bad-token":
                if (!op.bearer()) return false;
                d.headers.put(
                        "Authorization",
                        random.nextInt(4) == 0
                                ? Nasty.pick(List.of("Basic YTpi", "Bearer", "bearer  x", "Token abc"), random)
                                : "Bearer " + Nasty.pick(fixtures.badTokens, random));
                d.headers.remove("X-API-Key");
                return op.anonymous() ? true : refuse(d);
            case "no-token":
                if (op.anonymous()) return false;
                d.headers.remove("Authorization");
                d.headers.remove("X-API-Key");
                return refuse(d);
            case "api-key-elsewhere":
                if (op.apiKey() || op.anonymous()) return false;
                d.headers.remove("Authorization");
                d.headers.put("X-API-Key", random.nextBoolean() ? fixtures.apiKey : "eco2_ABCDEFGH_" + "x".repeat(38));
                return refuse(d);
            case "non-admin":
                if (!op.admin()) return false;
                d.headers.put("Authorization", Fixtures.bearer(fixtures.b));
                return refuse(d);
            case "other-users-id":
                return otherUsersId(op, d);
            case "unknown-id":
                if (d.path.isEmpty()) return false;
                String name = Nasty.pick(new ArrayList<>(d.path.keySet()), random);
                d.path.put(
                        name,
                        Nasty.pick(
                                List.of(
                                        UUID.randomUUID().toString(),
                                        "0",
                                        "-1",
                                        "x".repeat(500),
                                        "...",
                                        "a b",
                                        "%2F",
                                        "null"),
                                random));
                return refuse(d);
            case "bad-number":
                return badNumber(op, d);
            case "wrong-method":
                d.method = Nasty.pick(List.of("PUT", "PATCH", "DELETE", "POST", "GET"), random);
                return !operations.contains(d.method + " " + op.path()) && refuse(d);
            case "bad-header":
                d.headers.put(
                        Nasty.pick(
                                List.of(
                                        "X-Request-ID",
                                        "X-Forwarded-For",
                                        "Accept-Language",
                                        "Idempotency-Key",
                                        "Last-Event-ID",
                                        "Accept",
                                        "Origin"),
                                random),
                        Nasty.pick(
                                List.of(
                                        "x".repeat(4000),
                                        "ko-KR;q=abc,,,",
                                        "1.2.3.999, ::ffff:zz",
                                        "-1",
                                        "' OR 1=1 --",
                                        "*/*;q=0",
                                        "null",
                                        "ÿ"),
                                random));
                return true;
            case "bad-form":
                if (op.body() != Operation.Body.FORM) return false;
                d.contentType = Nasty.pick(
                        List.of(
                                "application/x-www-form-urlencoded; charset=x-bogus",
                                "application/x-www-form-urlencoded; charset=utf-16"),
                        random);
                if (random.nextBoolean()) d.raw = "username=%zz&password=%E0%A4%A".getBytes(StandardCharsets.US_ASCII);
                else if (random.nextBoolean()) d.form.remove(Nasty.pick(new ArrayList<>(d.form.keySet()), random));
                return refuse(d);
            case "bad-multipart":
                return badMultipart(op, d);
            default:
                throw new IllegalArgumentException(d.kind);
        }
    }

    private static boolean refuse(CaseGen.Draft d) {
        d.mustRefuse = true;
        return true;
    }

    /** Puts {@code text} into one string slot: a JSON property, a query, path or form parameter. */
    private boolean text(Operation op, CaseGen.Draft d, String text, boolean refused) {
        List<Runnable> slots = new ArrayList<>();
        // Only declared fields: chat ignores OpenAI's extra fields (model, user, …), which are not text it keeps.
        if (d.json instanceof ObjectNode o)
            o.fieldNames().forEachRemaining(f -> {
                if (o.get(f).isTextual() && op.bodySchema().path("properties").has(f)) slots.add(() -> o.put(f, text));
            });
        if (d.json instanceof ObjectNode o && o.has("messages"))
            slots.add(() -> ((ObjectNode) o.path("messages").get(0)).put("content", text));
        for (Operation.Param p : op.params())
            if (p.type().equals("string")) {
                if (p.in().equals("query")) slots.add(() -> d.query.put(p.name(), text));
                if (p.in().equals("path")) slots.add(() -> d.path.put(p.name(), text));
            }
        d.form.keySet().forEach(f -> slots.add(() -> d.form.put(f, text)));
        if (slots.isEmpty()) return false;
        Nasty.pick(slots, random).run();
        if (refused) d.mustRefuse = true;
        return true;
    }

    private boolean wrongType(Operation op, CaseGen.Draft d) {
        if (!(d.json instanceof ObjectNode o)) return false;
        List<Map.Entry<String, JsonNode>> typed = new ArrayList<>();
        op.bodySchema().path("properties").properties().forEach(e -> {
            if (e.getValue().has("type")) typed.add(e);
        });
        if (typed.isEmpty()) return false;
        Map.Entry<String, JsonNode> p = Nasty.pick(typed, random);
        String type = p.getValue().path("type").asText();
        List<String> wrong = switch (type) {
            case "string" -> List.of("123", "true", "{}", "[\"a\"]", "1.5");
            case "integer" -> List.of("\"1\"", "1.5", "true", "\"abc\"", "1e400", "99999999999", "[]");
            case "number" -> List.of("\"1.0\"", "true", "{}", "[]", "\"NaN\"");
            case "boolean" -> List.of("\"true\"", "1", "0", "\"yes\"", "[]");
            case "array" -> List.of("\"a\"", "{}", "1", "[1,2]", "[null]");
            default -> List.of("1", "\"x\"");
        };
        try {
            o.set(p.getKey(), Values.JSON.readTree(Nasty.pick(wrong, random)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return refuse(d);
    }

    private boolean missingRequired(Operation op, CaseGen.Draft d) {
        List<String> required = Values.required(op.bodySchema());
        if (d.json instanceof ObjectNode o && !required.isEmpty()) {
            String field = Nasty.pick(required, random);
            if (random.nextBoolean()) o.remove(field);
            else o.putNull(field);
            return refuse(d);
        }
        List<Operation.Param> query =
                op.in("query").stream().filter(Operation.Param::required).toList();
        if (query.isEmpty()) return false;
        d.query.remove(Nasty.pick(query, random).name());
        return refuse(d);
    }

    private boolean malformed(Operation op, CaseGen.Draft d) {
        if (op.body() != Operation.Body.JSON) return false;
        String raw = Nasty.pick(
                List.of(
                        "{",
                        "{\"a\":",
                        "[]",
                        "\"text\"",
                        "1",
                        "null",
                        "{\"a\":1,}",
                        "{'a':1}",
                        "[".repeat(5000),
                        "{\"a\":\"\\ud800\"",
                        "\u0000",
                        "{} {}",
                        "{\"a\":1}garbage"),
                random);
        d.raw = raw.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0)
            d.raw = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        if (random.nextInt(6) == 0) d.raw = new byte[0];
        return d.raw.length == 0 && !op.bodyRequired() ? true : refuse(d);
    }

    private boolean otherUsersId(Operation op, CaseGen.Draft d) {
        for (String key : List.of("task_id", "id")) {
            if (!d.path.containsKey(key)) continue;
            String mine = new CaseGen(random, fixtures, operations).pathValue(op, key, fixtures.a);
            String theirs = new CaseGen(random, fixtures, operations).pathValue(op, key, fixtures.b);
            if (mine.equals(theirs) || op.path().startsWith("/api/v1/users/{id}")) return false;
            d.path.put(key, theirs);
            return refuse(d);
        }
        return false;
    }

    private boolean badNumber(Operation op, CaseGen.Draft d) {
        List<Operation.Param> numeric = new ArrayList<>();
        for (Operation.Param p : op.params())
            if ((p.type().equals("integer") || p.type().equals("number")) && !p.in().equals("header")) numeric.add(p);
        if (numeric.isEmpty()) return false;
        Operation.Param p = Nasty.pick(numeric, random);
        List<String> bad = p.type().equals("integer")
                ? List.of("abc", "1.5", "99999999999", "0x10", "1e3", "NaN", "1 2")
                : List.of("abc", "NaN", "Infinity", "-Infinity", "1e999", "0x1p3", "1,5");
        d.query.put(p.name(), Nasty.pick(bad, random));
        return refuse(d);
    }

    private boolean badMultipart(Operation op, CaseGen.Draft d) {
        if (op.body() != Operation.Body.MULTIPART) return false;
        byte[] whole = Multipart.body("fuzzBoundary", "file", "a.png", "image/png", Multipart.PNG);
        switch (random.nextInt(7)) {
            case 0 -> d.contentType = "multipart/form-data";
            case 1 -> d.contentType = "multipart/form-data; boundary=otherBoundary";
            case 2 -> d.raw = java.util.Arrays.copyOf(whole, whole.length / 2);
            case 3 -> d.raw = Multipart.body("fuzzBoundary", "photo", "a.png", "image/png", Multipart.PNG);
            case 4 ->
                d.raw = Multipart.body("fuzzBoundary", "file", "a.png", "image/png", "GIF89a not a png".getBytes());
            case 5 -> {
                d.contentType = "multipart/form-data; boundary=fuzzBoundary; charset=x-bogus";
                return true; // multipart has no charset parameter; ignoring it is fine
            }
            default -> {
                // Passes the magic-byte check; the resize job must fail cleanly, so a 202 is fine here.
                d.raw = Multipart.body(
                        "fuzzBoundary", "file", "a.png", "image/png", Multipart.pngSignatureThenGarbage());
                return true;
            }
        }
        return refuse(d);
    }
}
