package eco2.common.redis;

/**
 * How a {@link DocumentCache} is invalidated as a whole: a counter under {@code counterKey} that one INCR bumps, and
 * where each entry records the generation it was computed under. An entry of another generation is a miss.
 *
 * <ul>
 *   <li>{@link #stamped}: the key is {@code <prefix><id>} and the value starts with {@code <generation>\n}. A new
 *       answer overwrites the old one in place.
 *   <li>{@link #inKey}: the key is {@code <prefix><generation>:<id>} and the value is the bare document. Old entries
 *       are unreachable at once and age out with their TTL.
 * </ul>
 */
public record Generation(String counterKey, Placement placement) {
    public enum Placement {
        NONE,
        STAMPED,
        IN_KEY
    }

    /** No generation: entries only expire or are invalidated one by one. */
    public static final Generation NONE = new Generation(null, Placement.NONE);

    /** The generation before the first bump: the counter does not exist yet. */
    static final String FIRST = "0";

    /** Ends the stamp; compact JSON never holds a raw line feed. */
    static final char STAMP_END = '\n';

    public static Generation stamped(String counterKey) {
        return new Generation(counterKey, Placement.STAMPED);
    }

    public static Generation inKey(String counterKey) {
        return new Generation(counterKey, Placement.IN_KEY);
    }

    boolean isNone() {
        return placement == Placement.NONE;
    }

    static String orFirst(String counter) {
        return counter == null ? FIRST : counter;
    }

    static String key(String prefix, String generation, String id) {
        return prefix + generation + ":" + id;
    }

    /** The document of a stamped value if it was computed under {@code generation}, else null. */
    static String unstamp(String stored, String generation) {
        int n = generation.length();
        if (stored == null || stored.length() <= n || stored.charAt(n) != STAMP_END) return null;
        return stored.startsWith(generation) ? stored.substring(n + 1) : null;
    }
}
