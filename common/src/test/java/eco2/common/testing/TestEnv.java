package eco2.common.testing;

/** Reads the TEST_* environment variables and the switch that forces the embedded stand-ins. */
final class TestEnv {

    /** {@code -Deco2.test.forceEmbedded=true} (or env ECO2_TEST_FORCE_EMBEDDED=true) skips the real servers, to test the fallback. */
    static final String FORCE_EMBEDDED_PROPERTY = "eco2.test.forceEmbedded";

    private TestEnv() {}

    static String get(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String getOrDefault(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    static boolean forceEmbedded() {
        return Boolean.parseBoolean(System.getProperty(FORCE_EMBEDDED_PROPERTY))
                || Boolean.parseBoolean(get("ECO2_TEST_FORCE_EMBEDDED"));
    }

    /** Where a candidate came from, for the one log line per service. */
    static String origin(String envName) {
        return get(envName) != null ? envName : "machine default";
    }

    /** CI logs are kept: a password inside a TEST_* URL must not end up in them. */
    static String redact(String url) {
        return url.replaceFirst("//([^:/@]*):[^@/]*@", "//$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
