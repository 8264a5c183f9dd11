package eco2.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationConfigTest {
    @Test
    void devDefaults() {
        LocationConfig config = LocationConfig.fromEnv(new Env(Map.of()));
        assertThat(config.http().port()).isEqualTo(8083);
        assertThat(config.db().schema()).isEqualTo("locations");
        assertThat(config.userDeletedQueue()).isEqualTo("location.user-deleted");
        assertThat(config.kakao().baseUrl()).isEqualTo("https://dapi.kakao.com");
        assertThat(config.kakao().configured()).isFalse();
        assertThat(config.kakao().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.kakao().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.cacheEnabled()).isTrue();
        assertThat(config.sampleData()).isTrue();
        assertThat(config.importMaxBytes()).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void everySettingIsRead() {
        LocationConfig config = LocationConfig.fromEnv(new Env(Map.of(
                "KAKAO_LOCAL_BASE_URL",
                "http://fake:9",
                "KAKAO_REST_API_KEY",
                "k3y",
                "KAKAO_CONNECT_TIMEOUT_MS",
                "100",
                "KAKAO_READ_TIMEOUT_MS",
                "200",
                "LOCATION_CACHE",
                "off",
                "LOCATION_SAMPLE_DATA",
                "false",
                "LOCATION_IMPORT_MAX_BYTES",
                "1000")));
        assertThat(config.kakao().baseUrl()).isEqualTo("http://fake:9");
        assertThat(config.kakao().restApiKey()).isEqualTo("k3y");
        assertThat(config.kakao().toString()).doesNotContain("k3y");
        assertThat(config.kakao().readTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.cacheEnabled()).isFalse();
        assertThat(config.sampleData()).isFalse();
        assertThat(config.importMaxBytes()).isEqualTo(1000);
    }

    @Test
    void productionNeedsTheKakaoKeyAndLoadsNoSample() {
        Env env = new Env(Map.of("ECO2_ENV", "production", "DB_PASSWORD", "x", "AMQP_URL", "amqp://a:b@h/"));
        LocationConfig config = LocationConfig.fromEnv(env);
        assertThat(config.sampleData()).isFalse();
        assertThatThrownBy(env::requireComplete).hasMessageContaining("KAKAO_REST_API_KEY");
    }

    @Test
    void aTypoInLocationCacheStopsStartUp() {
        assertThatThrownBy(() -> LocationConfig.fromEnv(new Env(Map.of("LOCATION_CACHE", "of"))))
                .hasMessageContaining("LOCATION_CACHE");
    }
}
