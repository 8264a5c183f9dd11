package eco2.location.importer;

/** A row the import skipped: the line it starts on, its source id when it had one, and why. */
public record Rejection(int line, String sourceId, String reason) {}
