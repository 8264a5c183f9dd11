package eco2.info.rules;

import eco2.info.web.Texts;
import io.javalin.openapi.OpenApiIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What GET /rules/{region} returns: the general rules of one 시/도. {@code district} is the 구/군/시 the caller asked
 * about (null when none); its days and times are not stored, the schedule note says where to find them.
 */
public record RegionRules(
        String region,
        String name,
        List<String> aliases,
        String volumeBag,
        FoodWaste foodWaste,
        String largeWaste,
        String recyclables,
        String scheduleNote,
        List<String> districts,
        String source,
        LocalDate updatedAt,
        String district) {

    /** How food waste is handed over here (전용봉투, RFID, 수거용기) and what that means. */
    public record FoodWaste(List<String> methods, String details) {}

    /** The district as listed, for its exact name or the name without 구/군/시 ("강남" finds 강남구); spaces ignored. */
    @OpenApiIgnore
    public Optional<String> findDistrict(String asked) {
        String wanted = Texts.compact(asked);
        return districts.stream()
                .filter(d -> {
                    String listed = Texts.compact(d);
                    return listed.equals(wanted)
                            || listed.equals(wanted + "구")
                            || listed.equals(wanted + "군")
                            || listed.equals(wanted + "시");
                })
                .findFirst();
    }

    @OpenApiIgnore
    public RegionRules withDistrict(String chosen) {
        return new RegionRules(
                region,
                name,
                aliases,
                volumeBag,
                foodWaste,
                largeWaste,
                recyclables,
                scheduleNote,
                districts,
                source,
                updatedAt,
                chosen);
    }
}
