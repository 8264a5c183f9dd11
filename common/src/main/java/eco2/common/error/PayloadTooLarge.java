package eco2.common.error;

/** HTTP 413 `payload_too_large`. */
public final class PayloadTooLarge extends ApiException {
    public PayloadTooLarge(String message) {
        super(413, "payload_too_large", message);
    }
}
