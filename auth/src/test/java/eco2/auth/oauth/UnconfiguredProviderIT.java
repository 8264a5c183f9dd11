package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With no client registration, a provider answers 503 naming the setting to add, before touching anything. */
class UnconfiguredProviderIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    @Test
    void startAndCallbackNameTheMissingSetting() {
        TestHttp.Response kakao = auth.get().http.get("/api/v1/auth/oauth/kakao");
        assertThat(kakao.status()).isEqualTo(503);
        assertThat(kakao.json().get("code").asText()).isEqualTo("unavailable");
        assertThat(kakao.json().get("message").asText()).contains("KAKAO_CLIENT_ID");
        TestHttp.Response google =
                auth.get().http.postJson("/api/v1/auth/oauth/google/callback", "{\"code\":\"c\",\"state\":\"s\"}");
        assertThat(google.status()).isEqualTo(503);
        assertThat(google.json().get("message").asText()).contains("GOOGLE_CLIENT_ID");
    }
}
