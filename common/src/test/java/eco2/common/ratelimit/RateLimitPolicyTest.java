package eco2.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Policies and their {@code capacity/seconds} overrides. */
class RateLimitPolicyTest {
    private final RateLimitPolicy login = RateLimitPolicy.closed("login", 5, Duration.ofMinutes(1));

    @ParameterizedTest(name = "{0} per {1}s refills {2}/s")
    @CsvSource({"120, 60, 2.0", "3, 60, 0.05", "10, 1, 10.0", "1, 3600, 0.000277777", "5, 2, 2.5"})
    void refillRateIsCapacityOverPeriod(int capacity, long seconds, double perSecond) {
        RateLimitPolicy policy = RateLimitPolicy.open("p", capacity, Duration.ofSeconds(seconds));

        assertThat(policy.refillPerSecond()).isCloseTo(perSecond, offset(1e-6));
    }

    @Test
    void subSecondPeriodsKeepTheirPrecision() {
        assertThat(RateLimitPolicy.open("p", 1, Duration.ofMillis(500)).refillPerSecond())
                .isEqualTo(2.0);
    }

    @Test
    void openAndClosedSayHowToFailWhenRedisIsDown() {
        assertThat(RateLimitPolicy.open("a", 1, Duration.ofSeconds(1)).failClosed())
                .isFalse();
        assertThat(RateLimitPolicy.closed("a", 1, Duration.ofSeconds(1)).failClosed())
                .isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {"120/60 | 120 | 60", " 10 / 30 | 10 | 30", "1/1 | 1 | 1"})
    void specSetsCapacityAndPeriodAndKeepsNameAndFailureMode(String spec, int capacity, long seconds) {
        RateLimitPolicy tuned = login.withSpec(spec);

        assertThat(tuned).isEqualTo(new RateLimitPolicy("login", capacity, Duration.ofSeconds(seconds), true));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "120",
                "120/",
                "/60",
                "120/60/1",
                "a/60",
                "120/b",
                "0/60",
                "-1/60",
                "10/0",
                "10/-5",
                "1.5/60",
                "120 per 60"
            })
    void aBadSpecIsRejectedNamingThePolicy(String spec) {
        assertThatThrownBy(() -> login.withSpec(spec))
                .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class)
                .hasMessageContaining("login");
    }

    @ParameterizedTest
    @CsvSource({"0, 60", "-1, 60", "5, 0", "5, -1"})
    void aPolicyNeedsPositiveCapacityAndPeriod(int capacity, long seconds) {
        assertThatThrownBy(() -> RateLimitPolicy.open("p", capacity, Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsTuneAPolicyFromItsEnvironmentVariable() {
        RateLimitSettings settings = RateLimitSettings.fromEnv(new Env(Map.of("RATE_LIMIT_LOGIN", "7/10")));

        assertThat(settings.tune(login)).isEqualTo(new RateLimitPolicy("login", 7, Duration.ofSeconds(10), true));
        assertThat(settings.tune(RateLimitPolicy.open("scan", 2, Duration.ofSeconds(1))))
                .isEqualTo(RateLimitPolicy.open("scan", 2, Duration.ofSeconds(1)));
    }

    @Test
    void settingsFromEnvDefaultToEnabledAnd120PerMinute() {
        RateLimitSettings settings = RateLimitSettings.fromEnv(new Env(Map.of()));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.defaultPolicy()).isEqualTo(RateLimitPolicy.open("default", 120, Duration.ofMinutes(1)));
    }

    @Test
    void theDefaultPolicyCanBeTunedToo() {
        RateLimitSettings settings = RateLimitSettings.fromEnv(
                new Env(Map.of("RATE_LIMIT_DEFAULT", "30/60", "RATE_LIMIT_ENABLED", "false")));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.tune(settings.defaultPolicy()))
                .isEqualTo(RateLimitPolicy.open("default", 30, Duration.ofSeconds(60)));
    }
}
