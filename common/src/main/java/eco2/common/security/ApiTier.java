package eco2.common.security;

import java.util.Locale;
import java.util.Optional;

/**
 * An API key's tier (API.md): its per-minute bucket, its monthly quota (Asia/Seoul months) and how many chat streams
 * it may hold open. Tiers are ordered: a tier includes every feature of the tiers below it.
 */
public enum ApiTier {
    FREE(60, 10_000, 0),
    PRO(600, 500_000, 5),
    ENTERPRISE(6_000, 10_000_000, 50);

    private final int perMinute;
    private final long monthlyQuota;
    private final int openStreams;

    ApiTier(int perMinute, long monthlyQuota, int openStreams) {
        this.perMinute = perMinute;
        this.monthlyQuota = monthlyQuota;
        this.openStreams = openStreams;
    }

    public int perMinute() {
        return perMinute;
    }

    public long monthlyQuota() {
        return monthlyQuota;
    }

    public int openStreams() {
        return openStreams;
    }

    /** The wire name: {@code free}, {@code pro}, {@code enterprise}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(ApiTier other) {
        return compareTo(other) >= 0;
    }

    public static Optional<ApiTier> parse(String key) {
        if (key == null) return Optional.empty();
        for (ApiTier tier : values()) if (tier.key().equals(key)) return Optional.of(tier);
        return Optional.empty();
    }
}
