package eco2.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key format: composition, the checksum that refuses typos offline, and the record codec. */
class ApiKeyFormatTest {
    static final String KEY = ApiKeyFormat.compose("AbCd1234", "0123456789abcdefghijABCDEFGHIJxy");

    @Test
    void aComposedKeyParsesToItsPrefixAndHash() {
        assertThat(KEY).hasSize(52).startsWith("eco2_AbCd1234_0123456789abcdefghijABCDEFGHIJxy");
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(KEY);
        assertThat(parsed.prefix()).isEqualTo("eco2_AbCd1234");
        assertThat(parsed.sha256()).hasSize(64).isEqualTo(ApiKeyFormat.sha256(KEY));
    }

    @Test
    void everySingleCharacterChangeInTheBodyBreaksTheChecksum() {
        for (int i = ApiKeyFormat.SCHEME.length(); i < KEY.length(); i++) {
            if (i == ApiKeyFormat.PREFIX_LENGTH) continue;
            char c = KEY.charAt(i);
            char other = c == 'a' ? 'b' : 'a';
            String typo = KEY.substring(0, i) + other + KEY.substring(i + 1);
            assertThat(ApiKeyFormat.parse(typo)).as("typo at %d", i).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "eco2_",
                "eco3_AbCd1234_0123456789abcdefghijABCDEFGHIJxy000000",
                "eco2_AbCd1234-0123456789abcdefghijABCDEFGHIJxy000000",
                "eco2_AbCd12!4_0123456789abcdefghijABCDEFGHIJxy000000",
                "Bearer eco2_AbCd1234_0123456789abcdefghijABCDEFGHIJ"
            })
    void malformedKeysAreRefused(String text) {
        assertThat(ApiKeyFormat.parse(text)).isNull();
    }

    @Test
    void hashesCompareOnlyWhenEqual() {
        String hash = ApiKeyFormat.sha256(KEY);
        assertThat(ApiKeyFormat.sameHash(hash, ApiKeyFormat.sha256(KEY))).isTrue();
        assertThat(ApiKeyFormat.sameHash(hash, ApiKeyFormat.sha256(KEY + "x"))).isFalse();
        assertThat(ApiKeyFormat.sameHash(hash, null)).isFalse();
    }

    @Test
    void recordsRoundTripAndTombstonesAreNotValid() {
        ApiKeyRecord record = new ApiKeyRecord(
                ApiKeyRecord.Status.OK,
                ApiKeyFormat.sha256(KEY),
                ApiTier.PRO,
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                1234L);
        assertThat(ApiKeyRecord.decodeValid(record.encode())).isEqualTo(record);
        assertThat(ApiKeyRecord.decodeValid(
                        ApiKeyRecord.tombstone(ApiKeyRecord.Status.REVOKED).encode()))
                .isNull();
    }
}
