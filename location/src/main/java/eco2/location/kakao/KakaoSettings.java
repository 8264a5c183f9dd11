package eco2.location.kakao;

import java.time.Duration;

/** Where the Kakao Local API is and how long to wait for it; {@code restApiKey} null = not configured. */
public record KakaoSettings(String baseUrl, String restApiKey, Duration connectTimeout, Duration readTimeout) {
    public static final String DEFAULT_BASE_URL = "https://dapi.kakao.com";

    public boolean configured() {
        return restApiKey != null && !restApiKey.isBlank();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "KakaoSettings[baseUrl=" + baseUrl + ", key=" + (configured() ? "set" : "unset") + ", connect="
                + connectTimeout + ", read=" + readTimeout + "]";
    }
}
