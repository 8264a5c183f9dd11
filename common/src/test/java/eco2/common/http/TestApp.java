package eco2.common.http;

import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestHttp;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** An {@link HttpApp} with the {@link EchoModule}, started on a random port the way a service starts. */
final class TestApp implements AutoCloseable {
    /** The rate limit these tests count against: 3 requests a minute per subject, failing open. */
    static final RateLimitSettings THREE_PER_MINUTE =
            new RateLimitSettings(true, RateLimitPolicy.open("default", 3, Duration.ofMinutes(1)), name -> null);

    final TestTokens tokens = new TestTokens();
    final Infra infra;
    final Javalin app;
    final TestHttp http;

    private TestApp(String redisUri, RateLimitSettings limits, HttpSettings settings) {
        infra = Infra.create(redisUri, tokens.keySource(), TestTokens.ISSUER, limits, Clock.systemUTC());
        app = HttpApp.create("test", settings, infra, List.of(new EchoModule(infra)));
        app.start(0);
        http = new TestHttp(app.port());
    }

    static TestApp start(String redisUri) {
        return new TestApp(redisUri, THREE_PER_MINUTE, HttpSettings.forTests());
    }

    static TestApp start(String redisUri, RateLimitSettings limits) {
        return new TestApp(redisUri, limits, HttpSettings.forTests());
    }

    /** With only these peers trusted to send X-Forwarded-For. */
    static TestApp trusting(String redisUri, List<String> trustedProxies) {
        HttpSettings defaults = HttpSettings.forTests();
        return new TestApp(
                redisUri,
                THREE_PER_MINUTE,
                new HttpSettings(
                        defaults.port(),
                        defaults.corsOrigins(),
                        trustedProxies,
                        defaults.maxThreads(),
                        defaults.shutdownGrace()));
    }

    @Override
    public void close() {
        app.stop();
        infra.close();
    }
}
