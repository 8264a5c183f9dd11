package eco2.info.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.NotFound;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.info.web.Texts;
import org.jdbi.v3.core.Jdbi;

/**
 * One region's rules, by key, full name or short form (seoul, 서울, 서울특별시), cached per name as asked under
 * {@code recycle:rules:{name}}. Unknown regions and districts are 404s.
 */
public final class RulesService {
    private static final int LONGEST_NAME = 30;

    private final Jdbi jdbi;
    private final DocumentCache cache;
    private final ObjectMapper mapper;

    public RulesService(Jdbi jdbi, DocumentCache cache, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.mapper = mapper;
    }

    /** {@code district} null or blank for the region alone. */
    public String json(String region, String district) {
        String name = Texts.compact(region);
        if (name.isEmpty() || Texts.length(name) > LONGEST_NAME) throw unknownRegion();
        String document = cache.read(name, () -> {
            RegionRow row = jdbi.withExtension(RulesRepository.class, repo -> repo.find(name))
                    .orElseThrow(RulesService::unknownRegion);
            return Json.write(mapper, row.rules());
        });
        if (district == null || district.isBlank()) return document;
        RegionRules rules = Json.read(mapper, document, RegionRules.class);
        String found =
                rules.findDistrict(district).orElseThrow(() -> new NotFound("No such district in " + rules.name()));
        return Json.write(mapper, rules.withDistrict(found));
    }

    private static NotFound unknownRegion() {
        return new NotFound("Unknown region; use one of the 17 시/도, e.g. seoul, 서울 or 서울특별시");
    }
}
