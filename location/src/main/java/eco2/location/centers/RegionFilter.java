package eco2.location.centers;

import java.util.List;

/** A region listing's selection: a 시/도 (or null for any) and district names (empty for any). */
public record RegionFilter(String province, List<String> districts) {
    /** A stable spelling for the cache key. */
    public String key() {
        return (province == null ? "*" : province) + "/" + (districts.isEmpty() ? "*" : String.join(",", districts));
    }
}
