package eco2.common.http;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.List;

/** HTTP-level settings shared by every service; {@code shutdownGrace} bounds the graceful stop on SIGTERM. */
public record HttpSettings(
        int port, List<String> corsOrigins, List<String> trustedProxies, int maxThreads, Duration shutdownGrace) {

    /** The JSON body limit from API.md. */
    public static final long ONE_MIB = 1024L * 1024L;

    public static final String DEFAULT_TRUSTED_PROXIES =
            "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

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
