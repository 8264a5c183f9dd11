package eco2.auth.apikeys;

/** The internal lookup's answer: whether the key is valid now (the record is in Redis either way). */
public record LookupView(boolean valid) {}
