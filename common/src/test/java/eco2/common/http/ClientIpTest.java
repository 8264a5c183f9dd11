package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a request is metered under: X-Forwarded-For counts only when a trusted proxy sent it. */
class ClientIpTest {
    private final ClientIp clientIp = new ClientIp(List.of(HttpSettings.DEFAULT_TRUSTED_PROXIES.split(",")));

    @Test
    void withoutForwardedForTheSocketPeerIsTheClient() {
        assertThat(clientIp.resolve("203.0.113.7", null)).isEqualTo("203.0.113.7");
        assertThat(clientIp.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
        assertThat(clientIp.resolve("10.0.0.2", "  ")).isEqualTo("10.0.0.2");
    }

    @Test
    void forwardedForFromATrustedProxyIsHonoured() {
        assertThat(clientIp.resolve("10.0.0.2", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clientIp.resolve("127.0.0.1", " 198.51.100.1 ")).isEqualTo("198.51.100.1");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(clientIp.resolve("203.0.113.7", "1.2.3.4")).isEqualTo("203.0.113.7");
        assertThat(clientIp.resolve("203.0.113.7", "1.2.3.4, 10.0.0.2")).isEqualTo("203.0.113.7");
    }

    @Test
    void theRightMostUntrustedHopWins() {
        // client -> edge proxy (appends 198.51.100.9) -> internal proxy 10.0.0.3 -> app
        assertThat(clientIp.resolve("10.0.0.2", "198.51.100.9, 10.0.0.3")).isEqualTo("198.51.100.9");
        assertThat(clientIp.resolve("10.0.0.2", "198.51.100.1, 198.51.100.9, 10.0.0.3, 192.168.0.4"))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void aSpoofedLeftMostEntryDoesNotEscapeTheLimit() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the real address it saw.
        assertThat(clientIp.resolve("127.0.0.1", "1.2.3.4, 9.9.9.9")).isEqualTo("9.9.9.9");
        assertThat(clientIp.resolve("127.0.0.1", "10.0.0.1, 9.9.9.9")).isEqualTo("9.9.9.9");
        // What lies left of the right-most untrusted hop is the client's own text, so it is never parsed.
        assertThat(clientIp.resolve("127.0.0.1", "garbage, 9.9.9.9")).isEqualTo("9.9.9.9");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheOrigin() {
        assertThat(clientIp.resolve("127.0.0.1", "10.1.1.1, 10.2.2.2")).isEqualTo("10.1.1.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "unknown",
                "1.2.3.4, unknown",
                "9.9.9.9, ",
                "1.2.3.4:5678",
                "9.9.9.9,,10.0.0.3",
                "localhost",
                "999.1.1.1",
                "<script>"
            })
    void garbageInTheChainFallsBackToTheSocketPeer(String forwardedFor) {
        assertThat(clientIp.resolve("10.0.0.2", forwardedFor)).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6PeersAndHops() {
        assertThat(clientIp.resolve("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(clientIp.resolve("fd00::2", "2001:db8::1, 2001:db8::7, fd00::3"))
                .isEqualTo("2001:db8::7");
        assertThat(clientIp.resolve("2001:db8::99", "2001:db8::7")).isEqualTo("2001:db8::99");
        assertThat(clientIp.resolve("0:0:0:0:0:0:0:1", "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void v4MappedAddressesAreTreatedAsIpv4() {
        assertThat(clientIp.resolve("::ffff:127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(clientIp.resolve("::ffff:203.0.113.8", "1.2.3.4")).isEqualTo("::ffff:203.0.113.8");
        // A v4-mapped internal hop is skipped like its IPv4 form.
        assertThat(clientIp.resolve("10.0.0.2", "203.0.113.7, ::ffff:10.0.0.3")).isEqualTo("203.0.113.7");
    }

    @Test
    void anEmptyTrustListBelievesNoForwardedFor() {
        ClientIp none = new ClientIp(List.of());
        assertThat(none.resolve("127.0.0.1", "1.2.3.4")).isEqualTo("127.0.0.1");
    }

    @Test
    void aCustomTrustListIsUsedExactly() {
        ClientIp onlyEdge = new ClientIp(List.of("203.0.113.0/24"));
        assertThat(onlyEdge.resolve("203.0.113.1", "198.51.100.5")).isEqualTo("198.51.100.5");
        assertThat(onlyEdge.resolve("10.0.0.2", "198.51.100.5")).isEqualTo("10.0.0.2");
    }
}
