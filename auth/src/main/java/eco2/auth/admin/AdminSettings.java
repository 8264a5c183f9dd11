package eco2.auth.admin;

import eco2.common.config.Env;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin panel's settings: where each service answers (its admin JSON endpoints and info's content API are
 * called over HTTP), whether the session cookie is {@code Secure}, and the session's lifetimes.
 */
public record AdminSettings(Map<String, String> serviceUrls, boolean secureCookie, Duration absolute, Duration idle) {
    /** Service name → the gateway prefix its API lives under. */
    public static final Map<String, String> PREFIXES = prefixes();

    public AdminSettings {
        serviceUrls = Map.copyOf(serviceUrls);
    }

    public static AdminSettings fromEnv(Env env) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("auth", env.get("AUTH_URL", "http://127.0.0.1:8081"));
        urls.put("my", env.get("MY_URL", "http://127.0.0.1:8082"));
        urls.put("location", env.get("LOCATION_URL", "http://127.0.0.1:8083"));
        urls.put("info", env.get("INFO_URL", "http://127.0.0.1:8084"));
        urls.put("workers", env.get("WORKERS_URL", "http://127.0.0.1:8085"));
        return new AdminSettings(urls, env.production(), Duration.ofHours(8), Duration.ofMinutes(30));
    }

    /** Every service at one base URL, as in the dev launcher and the tests. */
    public static AdminSettings allAt(String baseUrl) {
        Map<String, String> urls = new LinkedHashMap<>();
        PREFIXES.keySet().forEach(name -> urls.put(name, baseUrl));
        return new AdminSettings(urls, false, Duration.ofHours(8), Duration.ofMinutes(30));
    }

    public AdminSettings withService(String name, String baseUrl) {
        Map<String, String> urls = new LinkedHashMap<>(serviceUrls);
        urls.put(name, baseUrl);
        return new AdminSettings(urls, secureCookie, absolute, idle);
    }

    /** {@code https://my.internal/api/v1/users} for "my". */
    public String apiBase(String service) {
        String base = serviceUrls.get(service);
        if (base == null) throw new IllegalArgumentException("unknown service " + service);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PREFIXES.get(service);
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("auth", "/api/v1/auth");
        prefixes.put("my", "/api/v1/users");
        prefixes.put("location", "/api/v1/locations");
        prefixes.put("info", "/api/v1/recycle");
        prefixes.put("workers", "/api/v1/scan");
        return Collections.unmodifiableMap(prefixes);
    }
}
