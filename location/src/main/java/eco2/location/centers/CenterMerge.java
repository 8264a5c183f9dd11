package eco2.location.centers;

import eco2.location.geo.Haversine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins database centres with Kakao keyword results. A Kakao place is the same centre as a database one when
 * both stand within {@value #SAME_PLACE_METRES} m and one normalised name contains the other ("고양동 종합복지회관"
 * and "고양동종합복지회관 재활용센터"); the database row wins because it carries hours and accepted items.
 */
public final class CenterMerge {
    static final double SAME_PLACE_METRES = 100;

    private CenterMerge() {}

    /** Both lists carry distance_m; the answer is the nearest {@code limit}, ties by id. */
    public static List<Center> merge(List<Center> database, List<Center> kakao, int limit) {
        List<Center> all = new ArrayList<>(database);
        Set<String> seen = new HashSet<>();
        database.forEach(c -> seen.add(c.id()));
        for (Center place : kakao) {
            if (seen.add(place.id()) && database.stream().noneMatch(known -> samePlace(known, place))) all.add(place);
        }
        all.sort(Comparator.comparing(Center::distanceM).thenComparing(Center::id));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    static boolean samePlace(Center a, Center b) {
        if (Haversine.metres(a.latitude(), a.longitude(), b.latitude(), b.longitude()) > SAME_PLACE_METRES)
            return false;
        String x = normalise(a.name());
        String y = normalise(b.name());
        return x.length() >= 2 && y.length() >= 2 && (x.contains(y) || y.contains(x));
    }

    /** Letters and digits only, NFC, lower case: "고양동 종합복지회관(본관)" → "고양동종합복지회관본관". */
    static String normalise(String name) {
        if (name == null) return "";
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        nfc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
