package eco2.workers.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A validated POST /scan: text and/or image, optional region, optional Idempotency-Key. */
public record Submission(String text, String region, byte[] image, String imageType, String idempotencyKey) {

    /** What "the same body" means for Idempotency-Key: the same text, region and image bytes. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("t:" + text + "\nr:" + region + "\ni:").getBytes(StandardCharsets.UTF_8));
            if (image != null) sha.update(image);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
