package eco2.common.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads configuration from environment variables with dev defaults. With {@code ECO2_ENV=production},
 * a secret that has no value is recorded, and {@link #requireComplete()} aborts start-up naming them all.
 */
public final class Env {
    private final Map<String, String> vars;
    private final List<String> missingSecrets = new ArrayList<>();

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Only "dev" (the default) or "production": a typo must not quietly turn production checks off. */
    public boolean production() {
        String mode = vars.getOrDefault("ECO2_ENV", "dev").trim();
        if (mode.equalsIgnoreCase("production")) return true;
        if (mode.equalsIgnoreCase("dev") || mode.isEmpty()) return false;
        throw new IllegalStateException("ECO2_ENV must be dev or production");
    }

    public String get(String name, String devDefault) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? devDefault : value.trim();
    }

    /** An optional value: null when unset. */
    public String optional(String name) {
        return get(name, null);
    }

    /** A secret: required in production, the dev default elsewhere. Never logged. */
    public String secret(String name, String devDefault) {
        String value = get(name, null);
        if (value != null) return value;
        if (production()) {
            missingSecrets.add(name);
            return null;
        }
        return devDefault;
    }

    public int integer(String name, int devDefault) {
        return parse(name, devDefault, Integer::parseInt);
    }

    public long longValue(String name, long devDefault) {
        return parse(name, devDefault, Long::parseLong);
    }

    public boolean flag(String name, boolean devDefault) {
        return parse(name, devDefault, value -> {
            if (value.equalsIgnoreCase("true")) return true;
            if (value.equalsIgnoreCase("false")) return false;
            throw new IllegalArgumentException("not a boolean");
        });
    }

    public List<String> list(String name, String devDefault) {
        String value = get(name, devDefault);
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Throws when production mode lacks secrets; call once every config record is built. */
    public void requireComplete() {
        if (!missingSecrets.isEmpty()) {
            throw new IllegalStateException(
                    "ECO2_ENV=production but these secrets are not set: " + String.join(", ", missingSecrets));
        }
    }

    private <T> T parse(String name, T devDefault, Function<String, T> parser) {
        String value = get(name, null);
        if (value == null) return devDefault;
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Environment variable " + name + " has an invalid value");
        }
    }
}
