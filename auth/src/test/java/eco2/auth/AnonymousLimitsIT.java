package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limits on anonymous endpoints count the client IP: a bearer token (anyone can register) buys no new bucket. */
class AnonymousLimitsIT {
    static final Set<String> TIGHT =
            Set.of("RATE_LIMIT_AUTH_REGISTER", "RATE_LIMIT_AUTH_RESET_IP", "RATE_LIMIT_AUTH_OAUTH");
    static AuthTestApp auth;
    static String[] bearer;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start(
                AuthTestApp.limits(
                        name -> TIGHT.contains(name) ? "2/60" : name.equals("RATE_LIMIT_DEFAULT") ? "1000/60" : null),
                TestServices.get().redisUri());
        TestUsers.Session user = TestUsers.register(auth.http);
        bearer = user.auth();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/auth/register, 203.0.113.101",
        "POST, /api/v1/auth/reset-password/request, 203.0.113.102",
        "GET, /api/v1/auth/oauth/kakao, 203.0.113.103"
    })
    void aBearerTokenDoesNotEscapeTheIpLimit(String method, String path, String ip) {
        for (int i = 0; i < 2; i++)
            assertThat(call(method, path, "X-Forwarded-For", ip).status()).isNotEqualTo(429);

        TestHttp.Response withToken = call(method, path, "X-Forwarded-For", ip, bearer[0], bearer[1]);
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(429);
        assertThat(withToken.header("Retry-After")).isNotNull();
    }

    private static TestHttp.Response call(String method, String path, String... headers) {
        return method.equals("GET") ? auth.http.get(path, headers) : auth.http.postJson(path, "{}", headers);
    }
}
