package eco2.location.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.LocationTestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The geocode bucket counts the client IP always, and a signed-in user as well: a token is no way around it. */
class GeocodeLimitIT {
    static final String GEOCODE = "/api/v1/locations/geocode";

    @RegisterExtension
    static final RunningApp<LocationTestApp> app =
            RunningApp.of(() -> LocationTestApp.startWithLimits(name -> switch (name) {
                case "RATE_LIMIT_LOCATION_GEOCODE" -> "2/60";
                case "RATE_LIMIT_DEFAULT", "RATE_LIMIT_AUTH_REGISTER" -> "1000/60";
                default -> null;
            }));

    @Test
    void aTokenDoesNotEscapeTheIpBucket() {
        LocationTestApp.User user = app.get().register();
        for (int i = 0; i < 2; i++)
            assertThat(geocode("198.51.100.31").status()).isNotEqualTo(429);

        TestHttp.Response withToken = geocode("198.51.100.31", user.auth());
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(429);
    }

    @Test
    void aUserIsCountedAcrossIps() {
        LocationTestApp.User user = app.get().register();
        assertThat(geocode("198.51.100.41", user.auth()).status()).isNotEqualTo(429);
        assertThat(geocode("198.51.100.42", user.auth()).status()).isNotEqualTo(429);

        assertThat(geocode("198.51.100.43", user.auth()).status()).isEqualTo(429);
        assertThat(geocode("198.51.100.43").status())
                .as("the IP itself is still fresh")
                .isNotEqualTo(429);
    }

    private static TestHttp.Response geocode(String ip, String... auth) {
        String[] headers = new String[auth.length + 2];
        headers[0] = "X-Forwarded-For";
        headers[1] = ip;
        System.arraycopy(auth, 0, headers, 2, auth.length);
        return app.get().http.postJson(GEOCODE, TestHttp.json(Map.of("address", "서울 중구 세종대로 110")), headers);
    }
}
