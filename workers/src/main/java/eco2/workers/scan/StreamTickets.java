package eco2.workers.scan;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tickets for browsers' EventSource, which cannot send an Authorization header: HMAC-SHA256 over the
 * task, the caller and an expiry, so a ticket opens one task's stream for its caller only, for 5 minutes.
 */
public final class StreamTickets {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    public StreamTickets(String secret, Clock clock) {
        if (secret == null || secret.length() < 32) throw new IllegalArgumentException("ticket secret too short");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String issue(UUID taskId, Caller caller) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String claims = taskId + "|" + caller.id() + "|" + expires;
        return ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sign(claims));
    }

    /** The caller the ticket was issued to, when it is intact, unexpired and for this task. */
    public Optional<Caller> verify(String ticket, UUID taskId) {
        try {
            int dot = ticket.indexOf('.');
            if (dot < 0) return Optional.empty();
            String claims = new String(DECODER.decode(ticket.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(ticket.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(claims), signature)) return Optional.empty();
            String[] parts = claims.split("\\|");
            if (parts.length != 3 || !parts[0].equals(taskId.toString())) return Optional.empty();
            if (Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) return Optional.empty();
            String caller = parts[1];
            UUID userId = caller.startsWith("user:") ? UUID.fromString(caller.substring(5)) : null;
            return Optional.of(new Caller(caller, userId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
