package eco2.workers.scan;

import java.util.UUID;

/**
 * The vision stage's outcome: the category, and the guide's item when one was identified ({@code itemId} null
 * otherwise), with the classifier's confidence from 0 to 1.
 */
public record Classification(String category, String subcategory, String itemName, UUID itemId, double confidence) {

    public static Classification nothing() {
        return new Classification(null, null, null, null, 0);
    }

    public boolean identified() {
        return itemId != null;
    }
}
