package eco2.location.places;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for locations.user_locations. Every method takes the owner, so no query can reach another user's row. */
@RegisterConstructorMapper(Place.class)
public interface PlaceRepository {
    String COLUMNS = "id, name, address, latitude, longitude, is_default";

    /**
     * Serialises one user's changes (count-then-insert, moving the default) until the transaction ends. The first key
     * keeps these locks apart from any other advisory lock in the database ("loca" in ASCII); users whose ids hash
     * alike merely wait for each other.
     */
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(1819239265, hashtext(CAST(:userId AS text)))) AS locked")
    int lockUser(@Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_locations WHERE user_id = :userId "
            + "ORDER BY is_default DESC, created_at, id")
    List<Place> list(@Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_locations WHERE user_id = :userId AND id = :id")
    Optional<Place> find(@Bind("userId") UUID userId, @Bind("id") UUID id);

    @SqlQuery("SELECT count(*) FROM user_locations WHERE user_id = :userId")
    int count(@Bind("userId") UUID userId);

    @SqlUpdate("INSERT INTO user_locations (id, user_id, name, address, latitude, longitude, is_default) "
            + "VALUES (:id, :userId, :name, :address, :latitude, :longitude, :isDefault)")
    void insert(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("name") String name,
            @Bind("address") String address,
            @Bind("latitude") double latitude,
            @Bind("longitude") double longitude,
            @Bind("isDefault") boolean isDefault);

    @SqlUpdate(
            "UPDATE user_locations SET name = :name, address = :address, latitude = :latitude, "
                    + "longitude = :longitude, is_default = :isDefault, updated_at = now() WHERE user_id = :userId AND id = :id")
    int update(
            @Bind("userId") UUID userId,
            @Bind("id") UUID id,
            @Bind("name") String name,
            @Bind("address") String address,
            @Bind("latitude") double latitude,
            @Bind("longitude") double longitude,
            @Bind("isDefault") boolean isDefault);

    @SqlUpdate(
            "UPDATE user_locations SET is_default = false, updated_at = now() WHERE user_id = :userId AND is_default")
    int clearDefault(@Bind("userId") UUID userId);

    /** The deleted row's is_default, or empty when there was no such place. */
    @SqlQuery("DELETE FROM user_locations WHERE user_id = :userId AND id = :id RETURNING is_default")
    Optional<Boolean> delete(@Bind("userId") UUID userId, @Bind("id") UUID id);

    /** After the default was deleted: the oldest remaining place takes over (none when nothing remains). */
    @SqlUpdate(
            "UPDATE user_locations SET is_default = true, updated_at = now() WHERE id = (SELECT id FROM user_locations "
                    + "WHERE user_id = :userId ORDER BY created_at, id LIMIT 1)")
    int promoteOldest(@Bind("userId") UUID userId);

    @SqlUpdate("DELETE FROM user_locations WHERE user_id = :userId")
    int deleteAll(@Bind("userId") UUID userId);

    /** For the admin stats: saved places of every user. */
    @SqlQuery("SELECT count(*) FROM user_locations")
    long countAll();
}
