package eco2.common.error;

/** HTTP 413 `payload_too_large`. */
public final class PayloadTooLarge extends ApiException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLarge(String message) {
        super(413, "payload_too_large", message);
    }
}
