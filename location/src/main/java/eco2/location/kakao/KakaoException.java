package eco2.location.kakao;

import eco2.common.error.ApiException;
import eco2.common.error.Unavailable;

/**
 * Why a Kakao call failed, and how that reaches clients: 503 {@code unavailable} while the provider is not
 * configured, refuses our key, is over quota, times out or cannot be reached (ours to fix or to wait out);
 * 502 {@code bad_gateway} when it answered with a server error or something that is not its documented JSON.
 */
public final class KakaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The failure classes the API distinguishes. */
    public enum Kind {
        NOT_CONFIGURED,
        REJECTED,
        RATE_LIMITED,
        TIMEOUT,
        UNREACHABLE,
        PROVIDER_ERROR
    }

    private final Kind kind;

    public KakaoException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public ApiException toApiException() {
        return switch (kind) {
            case NOT_CONFIGURED -> new Unavailable("Geocoding is not configured: set " + KakaoLocalClient.KEY_SETTING);
            case REJECTED -> new Unavailable("The geocoding provider refused this service's API key");
            case RATE_LIMITED -> new Unavailable("The geocoding provider's quota is used up; try again later");
            case TIMEOUT -> new Unavailable("The geocoding provider did not answer in time");
            case UNREACHABLE -> new Unavailable("The geocoding provider cannot be reached");
            case PROVIDER_ERROR -> new ApiException(502, "bad_gateway", "The geocoding provider failed");
        };
    }
}
