package eco2.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session ends a fixed time after sign-in however often it rotates; dead refresh tokens are purged. */
class SessionLifetimeIT {
    static final Duration LIFETIME = Duration.ofSeconds(4);

    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(() -> AuthTestApp.startWithSessionLifetime(LIFETIME));

    @Test
    void rotationDoesNotExtendTheSessionPastItsLifetime() throws Exception {
        Instant signedIn = Instant.now();
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String refresh = user.refreshToken();
        for (int i = 0; i < 2; i++) {
            TestHttp.Response rotated = refresh(refresh);
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            refresh = rotated.json().get("refresh_token").asText();
        }
        Instant latestExpiry = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT max(expires_at) FROM auth.refresh_tokens WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(Instant.class)
                        .one());
        assertThat(latestExpiry)
                .as("no token outlives its session")
                .isBefore(signedIn.plus(LIFETIME).plusSeconds(2));

        Thread.sleep(Math.max(
                        0,
                        Duration.between(Instant.now(), signedIn.plus(LIFETIME)).toMillis())
                + 1500);
        TestHttp.Response late = refresh(refresh);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.json().get("code").asText()).isEqualTo("unauthorized");
        // A new sign-in starts a new session.
        assertThat(TestUsers.login(auth.get().http, user.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void thePurgeJobDeletesExpiredAndRevokedTokensAndKeepsLiveOnes() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        UUID family = UUID.randomUUID();
        Instant now = Instant.now();
        UUID expired = insert(user.id(), family, now.minus(Duration.ofDays(2)), null);
        UUID revokedLongAgo = insert(user.id(), family, now.plus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        UUID revokedJustNow = insert(user.id(), family, now.plus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)));
        UUID live = insert(user.id(), UUID.randomUUID(), now.plus(Duration.ofDays(3)), null);

        Jdbi jdbi = Jdbi.create(
                        auth.get().config.db().url(),
                        auth.get().config.db().user(),
                        auth.get().config.db().password())
                .installPlugin(new SqlObjectPlugin());
        int purged = new SessionPurge(jdbi, Clock.systemUTC()).run();

        assertThat(purged).isGreaterThanOrEqualTo(2);
        List<UUID> left = auth.get()
                .db
                .withHandle(h -> h.createQuery("SELECT id FROM auth.refresh_tokens WHERE id IN "
                                + "(CAST(:a AS uuid), CAST(:b AS uuid), CAST(:c AS uuid), CAST(:d AS uuid))")
                        .bind("a", expired.toString())
                        .bind("b", revokedLongAgo.toString())
                        .bind("c", revokedJustNow.toString())
                        .bind("d", live.toString())
                        .mapTo(UUID.class)
                        .list());
        assertThat(left).containsExactlyInAnyOrder(revokedJustNow, live);
        assertThat(refresh(user.refreshToken()).status())
                .as("the sign-in's own live token survives")
                .isEqualTo(200);
    }

    private static UUID insert(String userId, UUID family, Instant expiresAt, Instant revokedAt) {
        UUID id = UUID.randomUUID();
        auth.get()
                .db
                .useHandle(h -> h.createUpdate("INSERT INTO auth.refresh_tokens (id, user_id, family_id, token_hash, "
                                + "expires_at, revoked_at, session_expires_at) VALUES (:id, CAST(:user AS uuid), "
                                + ":family, "
                                + ":hash, :expires, :revoked, :expires)")
                        .bind("id", id)
                        .bind("user", userId)
                        .bind("family", family)
                        .bind("hash", id.toString().getBytes())
                        .bind("expires", expiresAt)
                        .bind("revoked", revokedAt)
                        .execute());
        return id;
    }

    private static TestHttp.Response refresh(String token) {
        return auth.get().http.postJson("/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", token)));
    }
}
