package eco2.auth;

import eco2.auth.keys.KeyRing;
import eco2.auth.oauth.OAuthSettings;
import eco2.common.config.Env;
import eco2.common.events.AmqpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** Starts the real auth app on port 0, in a fresh database, against the test Redis. */
public final class AuthTestApp implements AutoCloseable {
    public final AuthConfig config;
    public final KeyRing keys;
    public final Infra infra;
    public final Javalin app;
    public final TestHttp http;
    public final Jdbi db;

    private final TestAuth auth;

    private AuthTestApp(AuthConfig config) {
        this.auth = TestAuth.start(config);
        this.config = config;
        this.keys = auth.keys;
        this.infra = auth.infra;
        this.app = auth.app;
        this.http = auth.http;
        this.db = Jdbi.create(config.db().url(), config.db().user(), config.db().password());
    }

    /** Rate limits off, so tests that are not about limits are not throttled by each other. */
    public static AuthTestApp start() throws Exception {
        return start(TestAuth.noLimits(), TestServices.get().redisUri());
    }

    public static AuthTestApp start(RateLimitSettings limits, String redisUrl) throws Exception {
        return start(limits, redisUrl, TestServices.get().amqpUri());
    }

    public static AuthTestApp start(RateLimitSettings limits, String redisUrl, String amqpUrl) throws Exception {
        return start(limits, redisUrl, amqpUrl, OAuthSettings.fromEnv(new Env(Map.of())));
    }

    /** With sign-in providers pointed at local fakes. */
    public static AuthTestApp start(OAuthSettings oauth) throws Exception {
        return start(
                TestAuth.noLimits(),
                TestServices.get().redisUri(),
                TestServices.get().amqpUri(),
                oauth);
    }

    public static AuthTestApp start(RateLimitSettings limits, String redisUrl, String amqpUrl, OAuthSettings oauth)
            throws Exception {
        return start(limits, redisUrl, amqpUrl, oauth, UnaryOperator.identity());
    }

    /** With sessions that end this soon after sign-in, however often they refresh. */
    public static AuthTestApp startWithSessionLifetime(Duration sessionLifetime) throws Exception {
        return start(TestServices.get().redisUri(), c -> c.withSessionLifetime(sessionLifetime));
    }

    /** With the config adjusted last, e.g. {@code c -> c.withAdmin(...)}. */
    public static AuthTestApp start(String redisUrl, UnaryOperator<AuthConfig> adjust) throws Exception {
        return start(
                TestAuth.noLimits(),
                redisUrl,
                TestServices.get().amqpUri(),
                OAuthSettings.fromEnv(new Env(Map.of())),
                adjust);
    }

    public static AuthTestApp start(
            RateLimitSettings limits,
            String redisUrl,
            String amqpUrl,
            OAuthSettings oauth,
            UnaryOperator<AuthConfig> adjust)
            throws Exception {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        // An exchange and queue of this test class's own: no test sees another's events.
        AmqpSettings amqp = new AmqpSettings(amqpUrl, "eco2.events.test." + database);
        AuthConfig config =
                TestAuth.config(database, redisUrl, amqp, "auth.user-deleted.test." + database, limits, oauth);
        return new AuthTestApp(adjust.apply(config));
    }

    public static RateLimitSettings limits(UnaryOperator<String> overrides) {
        return new RateLimitSettings(true, RateLimitSettings.DEFAULT, overrides);
    }

    @Override
    public void close() {
        auth.close();
        TestBroker.deleteQueuesAndExchange(config.amqp().exchange(), config.userDeletedQueue());
    }
}
