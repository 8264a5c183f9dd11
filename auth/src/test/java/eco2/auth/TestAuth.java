package eco2.auth;

import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.auth.oauth.OAuthSettings;
import eco2.common.config.Env;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * auth as the other modules' tests run it: its configuration for a test's database, Redis and exchange
 * ({@link #config}), and the real {@link AuthApp} on port 0 beside the app under test ({@link #start}), with an
 * {@link Infra} for that app that trusts auth's keys and asks it about API keys, as a standalone service does.
 */
public final class TestAuth implements AutoCloseable {
    public static final String ISSUER = "eco2-auth";

    public final AuthConfig config;
    public final KeyRing keys;
    public final Infra infra;
    public final Javalin app;
    /** Sign-up, sign-in and the rest of /api/v1/auth. */
    public final TestHttp http;

    private TestAuth(AuthConfig config) {
        this.config = config;
        this.keys = KeyRingLoader.load(null, null, config.devKeyFile());
        this.infra = Infra.create(config.redisUrl(), keys, config.issuer(), config.rateLimits(), Clock.systemUTC());
        this.app = AuthApp.create(config, infra, keys).start(0);
        this.http = new TestHttp(app.port());
    }

    /** No limits: tests that are not about them are not throttled by each other. */
    public static RateLimitSettings noLimits() {
        return new RateLimitSettings(false, RateLimitSettings.DEFAULT, name -> null);
    }

    /**
     * auth in {@code database} (schema auth), publishing on {@code amqp}'s exchange and consuming user.deleted on
     * {@code userDeletedQueue}, both the test's own; a fresh development signing key, no sign-in providers.
     */
    public static AuthConfig config(
            String database, String redisUrl, AmqpSettings amqp, String userDeletedQueue, RateLimitSettings limits) {
        return config(database, redisUrl, amqp, userDeletedQueue, limits, OAuthSettings.fromEnv(new Env(Map.of())));
    }

    /** As {@link #config(String, String, AmqpSettings, String, RateLimitSettings)}, with these sign-in providers. */
    public static AuthConfig config(
            String database,
            String redisUrl,
            AmqpSettings amqp,
            String userDeletedQueue,
            RateLimitSettings limits,
            OAuthSettings oauth) {
        try {
            return new AuthConfig(
                    HttpSettings.forTests(),
                    TestServices.get().dbSettings(database, "auth"),
                    redisUrl,
                    amqp,
                    userDeletedQueue,
                    limits,
                    ISSUER,
                    null,
                    null,
                    Files.createTempDirectory("eco2-test-auth").resolve("jwt.pem"),
                    Duration.ofMinutes(30),
                    Duration.ofDays(7),
                    oauth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts auth with {@code config} on port 0. */
    public static TestAuth start(AuthConfig config) {
        return new TestAuth(config);
    }

    /** Where auth answers. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /**
     * The plumbing for the app under test, as its own process would have it: its own Redis client and metrics,
     * tokens verified with auth's key ring (the JWKS path is tested in common), API keys Redis does not know asked of
     * auth over HTTP.
     */
    public Infra infraBeside(RateLimitSettings limits) {
        return Infra.create(config.redisUrl(), keys, ISSUER, limits, Clock.systemUTC(), url());
    }

    @Override
    public void close() {
        app.stop();
        infra.close();
    }
}
