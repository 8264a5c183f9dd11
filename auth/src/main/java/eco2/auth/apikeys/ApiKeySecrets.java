package eco2.auth.apikeys;

import eco2.common.security.ApiKeyFormat;
import java.security.SecureRandom;

/** Mints new keys: a random 8-character id and 32-character secret (about 190 bits), base62, with the checksum. */
final class ApiKeySecrets {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String newKey() {
        return ApiKeyFormat.compose(random(ApiKeyFormat.ID_LENGTH), random(ApiKeyFormat.SECRET_LENGTH));
    }

    static String prefixOf(String key) {
        return key.substring(0, ApiKeyFormat.PREFIX_LENGTH);
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = BASE62.charAt(RANDOM.nextInt(62));
        return new String(out);
    }
}
