package eco2.common.redis;

/** A cache entry read ahead of the handler, in the request's one Redis round trip; {@code value} null = a miss. */
public record Prefetched(String key, String value) {
    public boolean answers(String wanted) {
        return key.equals(wanted);
    }
}
