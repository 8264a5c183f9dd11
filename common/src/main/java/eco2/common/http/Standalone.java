package eco2.common.http;

import eco2.common.config.Env;
import eco2.common.json.Json;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.security.JwksClient;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs one service module in its own process, verifying tokens with auth's JWKS and asking auth about API keys Redis
 * does not know ({@code AUTH_URL}, by default the origin of {@code JWKS_URL}).
 */
public final class Standalone {
    public static final String DEFAULT_JWKS_URL = "http://127.0.0.1:8081/api/v1/auth/.well-known/jwks.json";

    private Standalone() {}

    /** Builds the app with {@code app} (the service's {@code XxxApp.create}) and serves it on {@code http}'s port. */
    public static Javalin run(Env env, HttpSettings http, Function<Infra, Javalin> app) {
        URI jwksUrl = URI.create(env.get("JWKS_URL", DEFAULT_JWKS_URL));
        JwksClient jwks =
                new JwksClient(jwksUrl, Json.newMapper(), Clock.systemUTC(), Duration.ofSeconds(30)).startRefreshing();
        Infra infra = Infra.create(
                env.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
                jwks,
                env.get("JWT_ISSUER", "eco2-auth"),
                RateLimitSettings.fromEnv(env),
                Clock.systemUTC(),
                URI.create(env.get("AUTH_URL", jwksUrl.resolve("/").toString())),
                Duration.ofMinutes(env.integer("ACCESS_TOKEN_MINUTES", 30)));
        env.requireComplete();
        Javalin created = app.apply(infra);
        infra.lifecycle().closeAfterwards(infra).stopOnSignals();
        return infra.lifecycle().start(created, http.port());
    }
}
