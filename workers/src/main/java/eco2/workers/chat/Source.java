package eco2.workers.chat;

/** Where a fact of an answer comes from ({@code eco2.sources}): an item, a bin, a centre or a character. */
public record Source(String type, String id, String name) {}
