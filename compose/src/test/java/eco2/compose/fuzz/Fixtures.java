package eco2.compose.fuzz;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestHttp;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fuzzer signs in as and points at, made through the public API: two ordinary users (A acts, B owns the
 * "other user's" resources), an admin (granted in auth.users, as an operator's AdminCli would), each with a saved
 * place, an API key, a chat session and a scan task, and tokens that must be refused.
 */
final class Fixtures {
    static final String PASSWORD = "correct horse battery";

    record User(String id, String username, String access, String inviteCode, Map<String, String> owned) {}

    final User a;
    final User b;
    final User admin;
    final String apiKey;
    final List<String> badTokens = new ArrayList<>();
    final Map<String, String> catalogue;
    final List<String> queues = new ArrayList<>();
    private final TestHttp http;
    private final FuzzApp app;

    Fixtures(FuzzApp app, TestHttp http) throws Exception {
        this.app = app;
        this.http = http;
        a = user("fuzz_a", false);
        b = user("fuzz_b", false);
        admin = user("fuzz_admin", true);
        TestHttp.Response key = http.postJson(
                "/api/v1/auth/api-keys", "{\"name\":\"fuzz client\"}", "Authorization", TestHttp.bearer(a.access()));
        apiKey = key.json().path("key").asText();
        String itemId = http.get("/api/v1/recycle/items?size=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
        String faqId = http.get("/api/v1/recycle/faq?size=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
        catalogue = Map.of("item", itemId, "faq", faqId);
        for (String prefix : List.of("auth", "users", "locations", "recycle", "scan")) {
            JsonNode stats = http.get("/api/v1/" + prefix + "/admin/stats", "Authorization", bearer(admin))
                    .json();
            stats.path("dead_letters")
                    .forEach(q -> queues.add(prefix + "=" + q.path("queue").asText()));
        }
        badTokens.addAll(forgedTokens());
    }

    /** A user of its own for an operation that ends the caller's session or account. */
    String freshBearer() {
        String username = "fuzz_x_" + UUID.randomUUID().toString().substring(0, 8);
        http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", username + "@example.com", "username", username, "password", PASSWORD)));
        TestHttp.Response login =
                http.postJson("/api/v1/auth/login", TestHttp.json(Map.of("email", username, "password", PASSWORD)));
        return TestHttp.bearer(login.json().path("access_token").asText());
    }

    static String bearer(User user) {
        return TestHttp.bearer(user.access());
    }

    private User user(String name, boolean isAdmin) throws Exception {
        String username = name + "_" + UUID.randomUUID().toString().substring(0, 6);
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", username + "@example.com", "username", username, "password", PASSWORD)));
        if (created.status() != 201) throw new IllegalStateException("register: " + created.body());
        String id = created.json().path("id").asText();
        if (isAdmin)
            app.db.useHandle(h -> h.execute(
                    "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(? AS uuid)", id));
        TestHttp.Response login =
                http.postJson("/api/v1/auth/login", TestHttp.json(Map.of("email", username, "password", PASSWORD)));
        String access = login.json().path("access_token").asText();
        String[] auth = {"Authorization", TestHttp.bearer(access)};
        String invite =
                http.get("/api/v1/users/me", auth).json().path("invite_code").asText();
        Map<String, String> owned = new java.util.HashMap<>();
        owned.put(
                "place",
                http.postJson(
                                "/api/v1/locations/me",
                                "{\"name\":\"집\",\"address\":\"서울 중구\",\"latitude\":37.56,\"longitude\":126.97}",
                                auth)
                        .json()
                        .path("id")
                        .asText());
        owned.put(
                "key",
                http.postJson("/api/v1/auth/api-keys", "{\"name\":\"target\"}", auth)
                        .json()
                        .path("id")
                        .asText());
        owned.put(
                "chat",
                http.postJson(
                                "/api/v1/chat/completions",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"페트병은 어떻게 버려?\"}]}",
                                auth)
                        .json()
                        .path("eco2")
                        .path("session_id")
                        .asText());
        owned.put(
                "scan",
                http.postJson("/api/v1/scan", "{\"text\":\"페트병\"}", auth)
                        .json()
                        .path("task_id")
                        .asText());
        owned.put("user", id);
        return new User(id, username, access, invite, owned);
    }

    /** Tokens that look right but must be refused: expired, foreign key, alg none, wrong audience, tampered. */
    private List<String> forgedTokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Algorithm foreign = Algorithm.RSA256(
                null, (RSAPrivateKey) generator.generateKeyPair().getPrivate());
        Algorithm real = Algorithm.RSA256(null, app.keys.signingKey());
        Instant now = Instant.now();
        String kid = app.keys.signingKid();
        List<String> tokens = new ArrayList<>();
        tokens.add(claims(kid, a.id(), "eco2", now.minusSeconds(3600), now.minusSeconds(60))
                .sign(real));
        tokens.add(claims(kid, admin.id(), "eco2", now, now.plusSeconds(600)).sign(foreign));
        tokens.add(
                claims(kid, a.id(), "someone-else", now, now.plusSeconds(600)).sign(real));
        tokens.add(claims(kid, a.id(), "eco2", now, now.plusSeconds(600))
                .withClaim("type", "refresh")
                .sign(real));
        tokens.add(claims(kid, a.id(), "eco2", now, now.plusSeconds(600)).sign(Algorithm.none()));
        String[] parts = a.access().split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"roles\":[", "\"roles\":[\"admin\",");
        tokens.add(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[2]);
        tokens.add(a.access().substring(0, a.access().length() - 2) + "xx");
        tokens.add("not-a-jwt");
        tokens.add("a.b.c");
        tokens.add("");
        return tokens;
    }

    private static com.auth0.jwt.JWTCreator.Builder claims(
            String kid, String subject, String audience, Instant issued, Instant expires) {
        return JWT.create()
                .withKeyId(kid)
                .withIssuer("eco2-auth")
                .withAudience(audience)
                .withSubject(subject)
                .withClaim("roles", List.of("user", "admin"))
                .withClaim("type", "access")
                .withClaim("sid", UUID.randomUUID().toString())
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(issued)
                .withExpiresAt(expires);
    }
}
