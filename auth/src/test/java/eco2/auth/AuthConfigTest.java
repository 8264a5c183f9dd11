package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auth's config: dev defaults, and production refusing to start without its secrets. */
class AuthConfigTest {
    @Test
    void devDefaultsNeedNoEnvironment() {
        Env env = new Env(Map.of());
        AuthConfig config = AuthConfig.fromEnv(env);
        env.requireComplete();

        assertThat(config.http().port()).isEqualTo(8081);
        assertThat(config.db().schema()).isEqualTo("auth");
        assertThat(config.db().user()).isEqualTo("auth");
        assertThat(config.db().bootstrap()).isTrue();
        assertThat(config.signingKeyPem()).isNull();
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void productionWithoutSecretsStopsNamingThemButNotTheirValues() {
        Env env = new Env(Map.of("ECO2_ENV", "production", "DB_USER", "auth_svc"));
        AuthConfig config = AuthConfig.fromEnv(env);

        assertThat(config.db().bootstrap()).isFalse();
        assertThatThrownBy(env::requireComplete)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DB_PASSWORD")
                .hasMessageContaining("JWT_PRIVATE_KEY")
                .hasMessageContaining("AMQP_URL")
                .hasMessageContaining("MAIL_TOKEN_KEY");
    }

    @Test
    void productionWithSecretsStarts() {
        Env env = new Env(Map.of(
                "ECO2_ENV",
                "production",
                "DB_PASSWORD",
                "s3cret",
                "JWT_PRIVATE_KEY",
                "pem",
                "AMQP_URL",
                "amqp://eco2:s3cret@rabbitmq:5672/eco2",
                "MAIL_TOKEN_KEY",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        AuthConfig.fromEnv(env);
        env.requireComplete();
    }
}
