package eco2.common.error;

/** HTTP 502 `bad_gateway`: an upstream provider answered, but with an error or something unusable. */
public final class BadGateway extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadGateway(String message) {
        super(502, "bad_gateway", message);
    }
}
