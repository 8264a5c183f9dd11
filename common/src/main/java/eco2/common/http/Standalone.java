package eco2.common.http;

import eco2.common.config.Env;
import eco2.common.json.Json;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.security.JwksClient;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one service module in its own process, verifying tokens with auth's JWKS and asking auth about API keys Redis
 * does not know ({@code AUTH_URL}, by default the origin of {@code JWKS_URL}).
 */
public final class Standalone {
    public static final String DEFAULT_JWKS_URL = "http://127.0.0.1:8081/api/v1/auth/.well-known/jwks.json";

    private Standalone() {}

    public static Javalin run(String title, Env env, int defaultPort, Function<Infra, ServiceModule> module) {
        HttpSettings http = HttpSettings.fromEnv(env, defaultPort);
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
        Javalin app = HttpApp.create(title, http, infra, List.of(module.apply(infra)));
        infra.lifecycle().closeAfterwards(infra).stopOnSignals();
        return infra.lifecycle().start(app, http.port());
    }
}
