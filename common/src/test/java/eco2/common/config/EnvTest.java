package eco2.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration from the environment: dev defaults, strict production secrets, clear errors for bad values. */
class EnvTest {
    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "produciton", "live"})
    void anUnknownModeIsRefusedRatherThanTreatedAsDev(String mode) {
        Env env = new Env(Map.of("ECO2_ENV", mode));
        assertThatThrownBy(env::production)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ECO2_ENV");
    }

    @Test
    void devModeFallsBackToDefaultsEverywhere() {
        Env env = new Env(Map.of());

        assertThat(env.production()).isFalse();
        assertThat(env.get("REDIS_URL", "redis://localhost:6379")).isEqualTo("redis://localhost:6379");
        assertThat(env.secret("JWT_PRIVATE_KEY", "dev-key")).isEqualTo("dev-key");
        assertThat(env.integer("PORT", 8081)).isEqualTo(8081);
        assertThat(env.longValue("MAX_BYTES", 5L)).isEqualTo(5L);
        assertThat(env.flag("RATE_LIMIT_ENABLED", true)).isTrue();
        assertThat(env.list("CORS_ORIGINS", "http://a, http://b")).containsExactly("http://a", "http://b");
        assertThat(env.optional("KAKAO_API_KEY")).isNull();
        assertThatCode(env::requireComplete).doesNotThrowAnyException();
    }

    @Test
    void setValuesWinAndAreTrimmed() {
        Env env = new Env(Map.of(
                "PORT",
                " 9000 ",
                "REDIS_URL",
                " redis://r:6379 ",
                "DB_PASSWORD",
                "s3cret",
                "CORS_ORIGINS",
                "https://x.example, ,https://y.example,",
                "RATE_LIMIT_ENABLED",
                "false"));

        assertThat(env.integer("PORT", 8081)).isEqualTo(9000);
        assertThat(env.get("REDIS_URL", "dev")).isEqualTo("redis://r:6379");
        assertThat(env.secret("DB_PASSWORD", "eco2-dev")).isEqualTo("s3cret");
        assertThat(env.list("CORS_ORIGINS", "dev")).containsExactly("https://x.example", "https://y.example");
        assertThat(env.flag("RATE_LIMIT_ENABLED", true)).isFalse();
    }

    @Test
    void blankCountsAsUnset() {
        Env env = new Env(Map.of("PORT", "   ", "NAME", ""));

        assertThat(env.integer("PORT", 8081)).isEqualTo(8081);
        assertThat(env.get("NAME", "dev")).isEqualTo("dev");
        assertThat(env.optional("NAME")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "PRODUCTION", "Production"})
    void productionIsRecognisedInAnyCase(String value) {
        assertThat(new Env(Map.of("ECO2_ENV", value)).production()).isTrue();
    }

    @Test
    void productionNamesEveryMissingSecretAndNoValues() {
        Env env = new Env(Map.of("ECO2_ENV", "production", "DB_PASSWORD", "hunter2-real-password", "JWT_SECRET", "  "));

        assertThat(env.secret("DB_PASSWORD", "eco2-dev")).isEqualTo("hunter2-real-password");
        assertThat(env.secret("JWT_PRIVATE_KEY", "dev-private-key")).isNull();
        assertThat(env.secret("JWT_SECRET", "dev-jwt-secret")).isNull();
        assertThat(env.secret("AMQP_PASSWORD", "guest-dev-password")).isNull();
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, env::requireComplete);

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("JWT_PRIVATE_KEY", "JWT_SECRET", "AMQP_PASSWORD")
                .doesNotContain(
                        "DB_PASSWORD",
                        "hunter2-real-password",
                        "dev-private-key",
                        "dev-jwt-secret",
                        "guest-dev-password");
    }

    @Test
    void productionNeverFallsBackToADevSecret() {
        Env env = new Env(Map.of("ECO2_ENV", "production"));

        assertThat(env.secret("DB_PASSWORD", "eco2-dev")).isNull();
    }

    @Test
    void productionWithEverySecretSetStartsUp() {
        Env env = new Env(Map.of("ECO2_ENV", "production", "DB_PASSWORD", "x", "JWT_PRIVATE_KEY", "y"));
        env.secret("DB_PASSWORD", "dev");
        env.secret("JWT_PRIVATE_KEY", "dev");

        assertThatCode(env::requireComplete).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eighty", "80.5", "8O81", "99999999999", "0x50"})
    void aBadIntegerIsAClearErrorNamingTheVariableButNotTheValue(String value) {
        Env env = new Env(Map.of("PORT", value));

        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> env.integer("PORT", 8081));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("PORT").doesNotContain(value);
    }

    @Test
    void aBadLongIsAClearError() {
        Env env = new Env(Map.of("MAX_BYTES", "lots"));

        IllegalStateException e =
                catchThrowableOfType(IllegalStateException.class, () -> env.longValue("MAX_BYTES", 1));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("MAX_BYTES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "ture", "enabled"})
    void aFlagThatIsNeitherTrueNorFalseIsAClearError(String value) {
        // RATE_LIMIT_ENABLED=1 silently meaning "off" would switch protection off by accident.
        Env env = new Env(Map.of("RATE_LIMIT_ENABLED", value));

        IllegalStateException e =
                catchThrowableOfType(IllegalStateException.class, () -> env.flag("RATE_LIMIT_ENABLED", true));

        assertThat(e).as("flag %s", value).isNotNull();
        assertThat(e.getMessage()).contains("RATE_LIMIT_ENABLED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "false", "False"})
    void flagsAcceptTrueAndFalseInAnyCase(String value) {
        assertThat(new Env(Map.of("F", value)).flag("F", !Boolean.parseBoolean(value)))
                .isEqualTo(Boolean.parseBoolean(value));
    }

    @Test
    void anEmptyListDefaultGivesNoItems() {
        assertThat(new Env(Map.of()).list("X", "")).isEqualTo(List.of());
    }
}
