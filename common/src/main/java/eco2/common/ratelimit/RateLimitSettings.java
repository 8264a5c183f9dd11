package eco2.common.ratelimit;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Whether limits apply, the default policy for {@code /api/}, and per-group overrides read from
 * {@code RATE_LIMIT_<POLICY_NAME>=capacity/seconds}.
 */
public record RateLimitSettings(boolean enabled, RateLimitPolicy defaultPolicy, UnaryOperator<String> overrides) {
    public static final RateLimitPolicy DEFAULT = RateLimitPolicy.open("default", 120, Duration.ofMinutes(1));

    public static RateLimitSettings fromEnv(Env env) {
        return new RateLimitSettings(env.flag("RATE_LIMIT_ENABLED", true), DEFAULT, env::optional);
    }

    public RateLimitPolicy tune(RateLimitPolicy policy) {
        String spec = overrides.apply("RATE_LIMIT_" + policy.name().toUpperCase(Locale.ROOT));
        return spec == null ? policy : policy.withSpec(spec);
    }
}
