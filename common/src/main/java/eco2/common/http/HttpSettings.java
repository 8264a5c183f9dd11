package eco2.common.http;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.List;

/** HTTP-level settings shared by every service; {@code shutdownGrace} bounds the graceful stop on SIGTERM. */
public record HttpSettings(
        int port, List<String> corsOrigins, List<String> trustedProxies, int maxThreads, Duration shutdownGrace) {

    /** The JSON body limit from API.md. */
    public static final long ONE_MIB = 1024L * 1024L;

    /**
     * Loopback only: a proxy on the same host (the dev gateway, bench's nginx). Anything further away must be
     * named, because every private address would include the other pods or containers beside the service,
     * and any of them could then claim to be any client.
     */
    public static final String DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1/128";

    public static HttpSettings fromEnv(Env env, int defaultPort) {
        return new HttpSettings(
                env.integer("PORT", defaultPort),
                env.list("CORS_ORIGINS", "http://localhost:3000"),
                env.list("TRUSTED_PROXIES", DEFAULT_TRUSTED_PROXIES),
                env.integer("HTTP_MAX_THREADS", 64),
                Duration.ofSeconds(env.integer("SHUTDOWN_GRACE_SECONDS", 20)));
    }

    public static HttpSettings forTests() {
        return new HttpSettings(
                0,
                List.of("http://localhost:3000"),
                List.of(DEFAULT_TRUSTED_PROXIES.split(",")),
                64,
                Duration.ofSeconds(5));
    }
}
