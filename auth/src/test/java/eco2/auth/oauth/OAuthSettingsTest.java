package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider settings from the environment: production endpoints by default, and the missing setting named. */
class OAuthSettingsTest {
    @Test
    void unconfiguredProvidersNameWhatToSet() {
        OAuthSettings none = OAuthSettings.fromEnv(new Env(Map.of()));
        assertThat(none.kakao().missingSetting()).isEqualTo("KAKAO_CLIENT_ID");
        assertThat(none.google().missingSetting()).isEqualTo("GOOGLE_CLIENT_ID");
        OAuthSettings halfGoogle = OAuthSettings.fromEnv(new Env(Map.of("GOOGLE_CLIENT_ID", "id")));
        assertThat(halfGoogle.google().missingSetting()).isEqualTo("GOOGLE_CLIENT_SECRET");
    }

    @Test
    void defaultsAreTheProvidersRealEndpoints() {
        OAuthSettings settings = OAuthSettings.fromEnv(new Env(Map.of("KAKAO_CLIENT_ID", "k")));
        assertThat(settings.kakao().configured()).isTrue();
        assertThat(settings.kakao().authorizationUrl()).hasToString("https://kauth.kakao.com/oauth/authorize");
        assertThat(settings.kakao().tokenUrl()).hasToString("https://kauth.kakao.com/oauth/token");
        assertThat(settings.kakao().userInfoUrl()).hasToString("https://kapi.kakao.com/v2/user/me");
        assertThat(settings.google().tokenUrl()).hasToString("https://oauth2.googleapis.com/token");
        assertThat(settings.google().issuer()).isEqualTo("https://accounts.google.com");
        assertThat(settings.redirectUris())
                .containsExactly("http://localhost:8080/oauth/callback", "http://localhost:3000/oauth/callback");
    }

    @Test
    void theClientSecretNeverAppearsInLogs() {
        OAuthSettings settings = OAuthSettings.fromEnv(
                new Env(Map.of("GOOGLE_CLIENT_ID", "id", "GOOGLE_CLIENT_SECRET", "s3cr3t-value")));
        assertThat(settings.google().toString()).doesNotContain("s3cr3t-value");
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    }
}
