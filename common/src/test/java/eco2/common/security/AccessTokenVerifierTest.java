package eco2.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.http.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The verifier's limits beyond the signature (issue 15, item 3): no token lives longer than auth's access lifetime,
 * and a verified token is remembered for at most a minute and only while the key that signed it is published.
 */
class AccessTokenVerifierTest {
    private final TestTokens tokens = new TestTokens();
    private final AtomicBoolean published = new AtomicBoolean(true);
    private final AtomicBoolean swapped = new AtomicBoolean(false);
    private final TestTokens otherKey = new TestTokens();
    private final PublicKeySource keys = kid -> {
        if (!published.get() || tokens.keySource().find(kid) == null) return null;
        return swapped.get()
                ? otherKey.keySource().find(otherKey.kid())
                : tokens.keySource().find(kid);
    };

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AccessTokenVerifier verifier =
            new AccessTokenVerifier(keys, TestTokens.ISSUER, clock, Duration.ofMinutes(30));

    private String tokenLiving(Duration lifetime) {
        Map<String, Object> claims = tokens.claims(UUID.randomUUID());
        Instant issued = clock.instant();
        claims.put("iat", Date.from(issued));
        claims.put("exp", Date.from(issued.plus(lifetime)));
        return tokens.sign(claims);
    }

    @Test
    void aTokenLivingLongerThanTheAccessLifetimeIsRefusedThoughItsSignatureIsGood() {
        assertThat(verifier.verify(tokenLiving(Duration.ofMinutes(30)))).isNotNull();
        assertThat(verifier.verify(tokenLiving(Duration.ofMinutes(30).plus(AccessTokenVerifier.LEEWAY))))
                .isNotNull();
        assertThat(verifier.verify(tokenLiving(Duration.ofMinutes(31)))).isNull();
        assertThat(verifier.verify(tokenLiving(Duration.ofDays(365)))).isNull();
    }

    @Test
    void aTokenWithoutIatIsRefused() {
        Map<String, Object> claims = tokens.claims(UUID.randomUUID());
        claims.remove("iat");
        assertThat(verifier.verify(tokens.sign(claims))).isNull();
    }

    @Test
    void aCachedTokenEndsWhenItsKeyIsNoLongerPublished() {
        String token = tokenLiving(Duration.ofMinutes(30));
        assertThat(verifier.verify(token)).isNotNull();
        assertThat(verifier.verify(token)).as("from the cache").isNotNull();

        published.set(false);

        assertThat(verifier.verify(token)).isNull();
    }

    @Test
    void aCachedEntryIsReverifiedAfterAMinute() {
        String token = tokenLiving(Duration.ofMinutes(30));
        assertThat(verifier.verify(token)).isNotNull();
        // The kid now answers with another key: only a full verification can notice.
        swapped.set(true);
        clock.advance(VerifiedTokenCache.MAX_ENTRY_AGE.minusSeconds(1));
        assertThat(verifier.verify(token)).as("still the cached entry").isNotNull();

        clock.advance(Duration.ofSeconds(2));

        assertThat(verifier.verify(token))
                .as("re-verified, against the other key")
                .isNull();
    }
}
