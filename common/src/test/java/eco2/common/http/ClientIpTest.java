package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a request is metered under: X-Forwarded-For counts only when a trusted proxy sent it. */
class ClientIpTest {
    /** A deployment that names its proxies' private networks, as TRUSTED_PROXIES=... would. */
    private final ClientIp clientIp =
            new ClientIp(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "192.168.0.0/16", "fc00::/7"));

    private final ClientIp byDefault = new ClientIp(List.of(HttpSettings.DEFAULT_TRUSTED_PROXIES.split(",")));

    @Test
    void byDefaultOnlyALoopbackPeerIsBelieved() {
        assertThat(byDefault.resolve("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(byDefault.resolve("::1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(byDefault.resolve("::ffff:127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        // Another container or pod on the private network is just a client, whatever it claims.
        for (String neighbour : List.of("10.0.0.2", "172.17.0.3", "192.168.1.20", "fd00::2", "fe80::1")) {
            assertThat(byDefault.resolve(neighbour, "203.0.113.7"))
                    .as(neighbour)
                    .isEqualTo(neighbour);
        }
    }

    @Test
    void behindLoopbackTheFirstPrivateHopIsTheClient() {
        // A private address forwarded by the local proxy is not itself trusted: it is the client.
        assertThat(byDefault.resolve("127.0.0.1", "198.51.100.9, 10.0.0.3")).isEqualTo("10.0.0.3");
    }

    @Test
    void ipv4IsMeteredPerAddress() {
        assertThat(ClientIp.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientIp.network("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6IsMeteredPerSlash64() {
        String network = ClientIp.network("2001:db8:1:2::7");
        assertThat(network).isEqualTo("2001:db8:1:2::/64");
        for (String sameLan : List.of(
                "2001:db8:1:2:ffff:ffff:ffff:ffff",
                "2001:0db8:0001:0002:0000:0000:0000:0001",
                "[2001:db8:1:2:a:b:c:d]",
                "2001:DB8:1:2::99")) {
            assertThat(ClientIp.network(sameLan)).as(sameLan).isEqualTo(network);
        }
        assertThat(ClientIp.network("2001:db8:1:3::7")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientIp.network("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(ClientIp.network("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void somethingThatIsNotAnAddressIsMeteredAsItIs() {
        assertThat(ClientIp.network("unknown")).isEqualTo("unknown");
    }

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
