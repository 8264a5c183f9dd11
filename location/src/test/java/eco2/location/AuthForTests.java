package eco2.location;

import eco2.auth.AuthConfig;
import eco2.auth.oauth.OAuthSettings;
import eco2.common.config.Env;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * auth's configuration for a test app: the test database and Redis, rate limits off, and this test's own exchange
 * and queue so its events never reach the shared {@code eco2.events}.
 */
final class AuthForTests {
    private AuthForTests() {}

    static AuthConfig config(
            String database, String redisUrl, AmqpSettings amqp, String userDeletedQueue, Path keyFile) {
        return new AuthConfig(
                HttpSettings.forTests(),
                TestServices.get().dbSettings(database, "auth"),
                redisUrl,
                amqp,
                userDeletedQueue,
                new RateLimitSettings(false, RateLimitSettings.DEFAULT, name -> null),
                "eco2-auth",
                null,
                null,
                keyFile,
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                OAuthSettings.fromEnv(new Env(Map.of())));
    }
}
