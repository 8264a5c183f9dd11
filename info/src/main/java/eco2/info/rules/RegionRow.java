package eco2.info.rules;

import java.time.LocalDate;
import java.util.List;

/** A row of recycle_info.regional_rules. */
public record RegionRow(
        String region,
        String name,
        List<String> aliases,
        String volumeBag,
        List<String> foodMethods,
        String foodDetails,
        String largeWaste,
        String recyclables,
        String scheduleNote,
        List<String> districts,
        String source,
        LocalDate sourceUpdatedAt) {
    public RegionRules rules() {
        return new RegionRules(
                region,
                name,
                aliases,
                volumeBag,
                new RegionRules.FoodWaste(foodMethods, foodDetails),
                largeWaste,
                recyclables,
                scheduleNote,
                districts,
                source,
                sourceUpdatedAt,
                null);
    }
}
