package eco2.workers.scan;

import java.util.List;

/**
 * The rule stage's outcome: what the guide says about the identified item (empty lists when nothing was
 * identified) and, when the scan named a 시/도, that region's general rule for recyclables.
 */
public record ScanFacts(
        String itemName,
        String category,
        String subcategory,
        List<String> howToRecycle,
        List<String> doNotDo,
        String regionName,
        String regionRule) {}
