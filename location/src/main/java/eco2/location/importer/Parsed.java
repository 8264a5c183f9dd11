package eco2.location.importer;

/** One record read against a format: the row, or the reason it was rejected. */
record Parsed<T>(T row, String sourceId, String problem) {
    static <T> Parsed<T> ok(T row, String sourceId) {
        return new Parsed<>(row, sourceId, null);
    }

    static <T> Parsed<T> rejected(String sourceId, String problem) {
        return new Parsed<>(null, sourceId, problem);
    }
}
