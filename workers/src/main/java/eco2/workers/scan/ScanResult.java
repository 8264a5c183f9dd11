package eco2.workers.scan;

import eco2.workers.character.Character;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code result} object of a finished scan, as API.md lists it. */
final class ScanResult {
    private ScanResult() {}

    static Map<String, Object> of(
            Classification seen, ScanFacts facts, String answer, boolean paying, Optional<Character> unlocked) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("category", facts.category());
        if (seen.identified()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", seen.itemId().toString());
            item.put("name", facts.itemName());
            item.put("subcategory", facts.subcategory());
            result.put("item", item);
        } else {
            result.put("item", null);
        }
        result.put("how_to_recycle", facts.howToRecycle());
        result.put("do_not_do", facts.doNotDo());
        result.put("confidence", Math.round(seen.confidence() * 1000) / 1000.0);
        result.put("answer", answer);
        result.put("points_awarded", paying ? ScanRewards.POINTS : 0);
        result.put("character_unlocked", unlocked.map(ScanResult::character).orElse(null));
        return result;
    }

    static Map<String, Object> character(Character c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", c.code());
        out.put("name", c.name());
        out.put("dialog", c.dialog());
        return out;
    }
}
