package eco2.common.security;

import java.util.UUID;

/**
 * What Redis holds under {@code apikey:{prefix}}, written by auth on create, rotate, revoke and lookups: enough for
 * any service to accept or refuse a key without auth or a database. One line of {@code |}-separated fields, because
 * the rate-limit script reads it too: {@code status|sha256|tier|family|user|key|expires}. {@code family} is the id
 * shared by a key and the keys rotated from it (quota, bucket and data owner); {@code expires} is epoch seconds, 0
 * for none. A revoked or unknown prefix is stored as a tombstone so it is refused without asking auth.
 */
public record ApiKeyRecord(
        Status status, String sha256, ApiTier tier, UUID familyId, UUID userId, UUID keyId, long expiresAt) {
    public enum Status {
        OK,
        REVOKED,
        UNKNOWN
    }

    public static String redisKey(String prefix) {
        return "apikey:" + prefix;
    }

    public static ApiKeyRecord tombstone(Status status) {
        return new ApiKeyRecord(status, "-", ApiTier.FREE, null, null, null, 0);
    }

    public String encode() {
        if (status != Status.OK) return status.name().toLowerCase() + "|-|-|-|-|-|0";
        return "ok|" + sha256 + "|" + tier.key() + "|" + familyId + "|" + userId + "|" + keyId + "|" + expiresAt;
    }

    /** Null for anything that is not a valid record of status ok. */
    public static ApiKeyRecord decodeValid(String text) {
        if (text == null || !text.startsWith("ok|")) return null;
        String[] f = text.split("\\|", -1);
        if (f.length != 7) return null;
        try {
            ApiTier tier = ApiTier.parse(f[2]).orElse(null);
            if (tier == null) return null;
            return new ApiKeyRecord(
                    Status.OK,
                    f[1],
                    tier,
                    UUID.fromString(f[3]),
                    UUID.fromString(f[4]),
                    UUID.fromString(f[5]),
                    Long.parseLong(f[6]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
