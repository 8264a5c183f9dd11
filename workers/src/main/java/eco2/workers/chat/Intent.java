package eco2.workers.chat;

import java.util.Locale;

/** What a chat message asks about (API.md's ten intents); the last five are outside what Eco² answers. */
public enum Intent {
    WASTE,
    BULK_WASTE,
    CHARACTER,
    LOCATION,
    COLLECTION_POINT,
    RECYCLABLE_PRICE,
    WEATHER,
    WEB_SEARCH,
    IMAGE_GENERATION,
    GENERAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Intents that need data Eco² does not have: the answer says so politely. */
    public boolean declined() {
        return ordinal() >= RECYCLABLE_PRICE.ordinal();
    }
}
