package eco2.compose.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Turns one operation into one request: first a plausible valid request (values from {@link Values}, real ids and
 * the right credentials from {@link Fixtures}), then, unless the kind is "valid", one mutation of it. Mutations that
 * break the spec or the text rule mark the request as one the server must refuse.
 */
final class CaseGen {
    static final List<String> KINDS = List.of(
            "valid",
            "valid",
            "valid",
            "tolerated-text",
            "tolerated-text",
            "refused-text",
            "refused-text",
            "wrong-type",
            "unknown-field",
            "missing-required",
            "malformed-body",
            "wrong-content-type",
            "oversize",
            "bad-token",
            "no-token",
            "api-key-elsewhere",
            "non-admin",
            "other-users-id",
            "unknown-id",
            "bad-number",
            "wrong-method",
            "bad-header",
            "bad-form",
            "bad-multipart");

    private final Random random;
    private final Fixtures fixtures;
    private final Values values;
    private final java.util.Set<String> operations;

    /** {@code operations} holds every "METHOD path" of the spec, so a wrong method is known to be wrong. */
    CaseGen(Random random, Fixtures fixtures, java.util.Set<String> operations) {
        this.operations = operations;
        this.random = random;
        this.fixtures = fixtures;
        this.values = new Values(random, fixtures);
    }

    /** Mutable parts of a request while it is being built. */
    static final class Draft {
        String method;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        final Map<String, String> form = new LinkedHashMap<>();
        byte[] raw;
        String contentType;
        boolean mustRefuse;
        String kind;
    }

    FuzzRequest next(Operation op, String bearer) {
        for (int attempt = 0; ; attempt++) {
            Draft d = valid(op, bearer);
            d.kind = attempt > 20 ? "valid" : Nasty.pick(KINDS, random);
            if (new Mutations(random, fixtures, values, operations).apply(op, d)) return encode(op, d);
        }
    }

    private Draft valid(Operation op, String bearer) {
        Draft d = new Draft();
        d.method = op.method();
        d.headers.put(
                "X-Forwarded-For",
                "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        if (bearer != null) d.headers.put("Authorization", bearer);
        else if (op.apiKey() && random.nextBoolean()) d.headers.put("X-API-Key", fixtures.apiKey);
        for (Operation.Param p : op.params()) {
            switch (p.in()) {
                case "path" -> d.path.put(p.name(), pathValue(op, p.name(), fixtures.a));
                case "query" -> {
                    if (p.required() || random.nextInt(3) > 0)
                        d.query.put(p.name(), values.param(p.name(), p.schema()));
                }
                case "header" -> {
                    if (p.required() || random.nextBoolean())
                        d.headers.put(p.name(), values.param(p.name(), p.schema()));
                }
                case "formData" -> {
                    if (!p.name().equals("file")) d.form.put(p.name(), values.param(p.name(), p.schema()));
                }
                default -> {}
            }
        }
        if (op.path().equals("/api/v1/locations/centers") && random.nextBoolean()) {
            d.query.remove("lat");
            d.query.remove("lon");
        }
        switch (op.body()) {
            case JSON -> {
                d.contentType = "application/json";
                d.json = special(op).orElseGet(() -> values.object(op.bodySchema()));
            }
            case FORM -> {
                d.contentType = "application/x-www-form-urlencoded";
                if (op.path().endsWith("/token")) {
                    d.form.put("username", fixtures.a.username());
                    d.form.put("password", Fixtures.PASSWORD);
                }
            }
            case MULTIPART -> {
                d.contentType = "multipart/form-data; boundary=fuzzBoundary";
                d.raw = Multipart.body("fuzzBoundary", "file", "a.png", "image/png", Multipart.PNG);
            }
            case CSV -> {
                d.contentType = "text/csv";
                d.raw = (op.path().endsWith("/bins")
                                ? "name,address,latitude,longitude,bin_type,region\n퍼즈 수거함,서울 중구,37.56,126.97,plastic,서울\n"
                                : "positnNm,positnRdnmAddr,positnPstnLat,positnPstnLot\n퍼즈 가게,서울 중구,37.56,126.97\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {}
        }
        return d;
    }

    /** Bodies whose validity needs more than field names: signing in as A, a chat conversation. */
    private java.util.Optional<JsonNode> special(Operation op) {
        ObjectNode body = Values.JSON.createObjectNode();
        switch (op.path()) {
            case "/api/v1/auth/login" -> {
                body.put("email", fixtures.a.username());
                body.put("password", Fixtures.PASSWORD);
            }
            case "/api/v1/chat/completions" -> {
                body.putArray("messages")
                        .addObject()
                        .put("role", "user")
                        .put(
                                "content",
                                Nasty.pick(List.of("페트병은 어떻게 버려?", "How do I recycle a can?", "오늘 날씨?"), random));
                if (random.nextInt(4) == 0) body.put("stream", true);
                if (random.nextBoolean()) body.put("model", "eco2");
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(body);
    }

    /** A real value for a path parameter: {@code owner}'s own resource where the path names one. */
    String pathValue(Operation op, String name, Fixtures.User owner) {
        String path = op.path();
        if (name.equals("provider")) return Nasty.pick(List.of("kakao", "google"), random);
        if (name.equals("region")) return Nasty.pick(List.of("seoul", "서울", "부산"), random);
        if (name.equals("queue")) {
            String prefix = path.split("/")[3];
            List<String> mine = new ArrayList<>();
            for (String q : fixtures.queues) if (q.startsWith(prefix + "=")) mine.add(q.substring(prefix.length() + 1));
            return mine.isEmpty() ? "none" : Nasty.pick(mine, random);
        }
        if (name.equals("task_id")) return owner.owned().get("scan");
        if (path.contains("/api-keys/")) return owner.owned().get("key");
        if (path.contains("/locations/me/")) return owner.owned().get("place");
        if (path.contains("/chat/sessions/")) return owner.owned().get("chat");
        if (path.contains("/users/{id}")) return owner.id();
        if (path.contains("/recycle/faq/")) return fixtures.catalogue.get("faq");
        if (path.contains("/recycle/items/")) return fixtures.catalogue.get("item");
        return UUID.randomUUID().toString();
    }

    private FuzzRequest encode(Operation op, Draft d) {
        String target = op.path();
        for (Map.Entry<String, String> p : d.path.entrySet())
            target = target.replace("{" + p.getKey() + "}", Encoding.percent(p.getValue()));
        StringBuilder query = new StringBuilder();
        d.query.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&")
                .append(Encoding.percent(k))
                .append('=')
                .append(Encoding.percent(v)));
        byte[] body = d.raw;
        if (body == null && d.json != null) body = Encoding.json(d.json);
        if (body == null && !d.form.isEmpty()) {
            StringBuilder form = new StringBuilder();
            d.form.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(Encoding.percent(k))
                    .append('=')
                    .append(Encoding.percent(v)));
            body = form.toString().getBytes(StandardCharsets.US_ASCII);
        }
        List<String[]> headers = new ArrayList<>();
        d.headers.forEach((k, v) -> headers.add(new String[] {k, v}));
        if (d.contentType != null) headers.add(new String[] {"Content-Type", d.contentType});
        return new FuzzRequest(
                op, d.method, target + query, headers, body == null ? new byte[0] : body, d.kind, d.mustRefuse);
    }
}
