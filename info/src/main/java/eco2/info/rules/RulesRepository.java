package eco2.info.rules;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for recycle_info.regional_rules (17 rows; written only by the content loader). */
@RegisterConstructorMapper(RegionRow.class)
public interface RulesRepository {
    /** {@code name} as {@link eco2.info.web.Texts#compact} leaves it: the lookup names are stored that way. */
    @SqlQuery(
            "SELECT region, name, aliases, volume_bag, food_methods, food_details, large_waste, recyclables, "
                    + "schedule_note, districts, source, source_updated_at FROM regional_rules WHERE :name = ANY (lookup_names)")
    Optional<RegionRow> find(@Bind("name") String name);

    @SqlQuery("SELECT DISTINCT unnest(lookup_names) FROM regional_rules")
    List<String> lookupNames();
}
