package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Network membership for the trusted-proxy list: literal addresses only, both families, odd prefixes. */
class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,        10.255.1.2,      true",
        "10.0.0.0/8,        11.0.0.1,        false",
        "172.16.0.0/12,     172.31.255.255,  true",
        "172.16.0.0/12,     172.32.0.1,      false",
        "192.168.1.0/24,    192.168.1.77,    true",
        "192.168.1.0/24,    192.168.2.77,    false",
        "127.0.0.0/8,       127.0.0.1,       true",
        "10.1.2.3/8,        10.9.9.9,        true", // host bits in the network are ignored
        "1.2.3.4,           1.2.3.4,         true", // no prefix: a single host
        "1.2.3.4,           1.2.3.5,         false",
        "0.0.0.0/0,         8.8.8.8,         true",
        "0.0.0.0/0,         ::1,             false", // families never match each other
        "::1/128,           ::1,             true",
        "::1/128,           ::2,             false",
        "::1,               [::1],           true", // bracketed form, as some proxies write it
        "fc00::/7,          fd12:3456::1,    true",
        "fc00::/7,          fe80::1,         false",
        "2001:db8::/32,     2001:db8:ffff::1, true",
        "2001:db8::/33,     2001:db8:8000::1, false",
        "127.0.0.0/8,       ::ffff:127.0.0.1, true", // v4-mapped IPv6 is the IPv4 address
        "10.0.0.0/8,        ::ffff:11.0.0.1, false"
    })
    void matchesAddressesInsideThePrefix(String cidr, String ip, boolean expected) {
        assertThat(Cidr.parse(cidr).contains(ip)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "unknown",
                "localhost",
                "1.2.3",
                "1.2.3.4.5",
                "999.1.1.1",
                "1.2.3.4:80",
                "::g",
                "10.0.0.1 , 10.0.0.2",
                "_"
            })
    void nonLiteralsAreNeverInsideAnyNetwork(String notAnAddress) {
        assertThat(Cidr.parse("0.0.0.0/0").contains(notAnAddress)).isFalse();
        assertThat(Cidr.parse("::/0").contains(notAnAddress)).isFalse();
    }

    @Test
    void nullIsNotInsideAnyNetwork() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "::/129",
                "10.0.0.0/x",
                "10.0.0/8",
                "10.0.0.0/8/1"
            })
    void rejectsMalformedNetworks(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalParsingNeverResolvesHostNames() {
        // A name must not be looked up: "localhost" would otherwise become 127.0.0.1 and be trusted.
        assertThat(Cidr.literal("localhost")).isNull();
        assertThat(Cidr.parse("127.0.0.0/8").contains("localhost")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz:1", "google.com:80", "localhost:8080", "999.1.1.1", "1.2.3.4.5", "::g"})
    void shapesThatAreNotLiteralsAreRejectedBeforeAnyLookup(String text) {
        assertThat(Cidr.literal(text)).isNull();
    }
}
