package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.TestServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Whom the real app counts a request as (3 a minute per IP). Only 127.0.0.2 is a trusted proxy here, so the tests'
 * usual peer, 127.0.0.1, is an ordinary client: whatever X-Forwarded-For it sends, it is metered as itself.
 */
class ForwardedForIT {
    private static final String PROXY = "127.0.0.2";
    private static TestApp app;
    private static RedisClient redis;

    @BeforeAll
    static void start() {
        app = TestApp.trusting(TestServices.get().redisUri(), List.of(PROXY + "/32"));
        redis = app.infra.redis();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheKey() {
        for (int i = 1; i <= 3; i++) {
            assertThat(app.http
                            .get("/api/ping", "X-Forwarded-For", "203.0.113." + i)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(app.http.get("/api/ping", "X-Forwarded-For", "203.0.113.4").status())
                .as("a fresh made-up address buys no fresh bucket")
                .isEqualTo(429);
        assertThat(app.http
                        .get("/api/ping", "X-Forwarded-For", "2001:db8::1, 10.0.0.1")
                        .status())
                .isEqualTo(429);
        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:127.0.0.1");
    }

    @Test
    void aTrustedProxysForwardedForIsTheKey() throws IOException {
        assertThat(statusFromProxy("203.0.113.50")).isEqualTo(200);
        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:203.0.113.50");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() throws IOException {
        assertThat(statusFromProxy("2001:db8:1:2::1")).isEqualTo(200);
        assertThat(statusFromProxy("2001:db8:1:2::2")).isEqualTo(200);
        assertThat(statusFromProxy("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(200);
        assertThat(statusFromProxy("2001:db8:1:2:abcd::9"))
                .as("another address of the same /64 is the same client")
                .isEqualTo(429);
        assertThat(statusFromProxy("2001:db8:1:3::1"))
                .as("the next /64 is someone else")
                .isEqualTo(200);
        assertThat(redis.keys("ratelimit:*"))
                .containsExactlyInAnyOrder(
                        "ratelimit:default:ip:2001:db8:1:2::/64", "ratelimit:default:ip:2001:db8:1:3::/64");
    }

    /** GET /api/ping from the trusted proxy's address: java.net.http cannot choose its local address. */
    private static int statusFromProxy(String forwardedFor) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), app.app.port(), InetAddress.getByName(PROXY), 0)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/ping HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }
}
