package eco2.auth;

import eco2.auth.account.Credentials;
import eco2.auth.account.UserRepository;
import eco2.common.config.Env;
import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.redis.Redis;
import eco2.common.security.Revocations;
import eco2.common.security.Roles;
import eco2.common.security.SecurityLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Grants or revokes the {@code admin} role, an operator's deliberate act rather than a setting:
 * {@code java -cp auth.jar eco2.auth.AdminCli grant someone@example.com} with the service's database settings.
 * A grant reaches tokens at the next sign-in or refresh; a revoke ends the user's access tokens at once.
 */
public final class AdminCli {
    private AdminCli() {}

    public static void main(String[] args) {
        System.exit(run(args, Env.system(), System.out));
    }

    /** Exit status: 0 done, 1 no such account, 2 bad usage. */
    static int run(String[] args, Env env, PrintStream out) {
        if (args.length != 2 || !List.of("grant", "revoke").contains(args[0])) {
            out.println("usage: AdminCli grant|revoke <email>");
            return 2;
        }
        String email = Credentials.normaliseEmail(args[1]);
        Optional<UUID> changed;
        try (Database database = Database.open(
                DbSettings.fromEnv(env, "auth").withEventTables(AuthConfig.EVENT_TABLES),
                new SimpleMeterRegistry(),
                List.of())) {
            // The account is found as sign-in finds it (ignoring case), then changed by id.
            changed = database.jdbi()
                    .inTransaction(h -> h.attach(UserRepository.class)
                            .findByEmail(email)
                            .map(user -> h.createQuery(
                                            args[0].equals("grant")
                                                    ? "UPDATE users SET roles = array_append(array_remove(roles, :role), :role), "
                                                            + "updated_at = now() WHERE id = :id RETURNING id"
                                                    : "UPDATE users SET roles = array_remove(roles, :role), updated_at = now() "
                                                            + "WHERE id = :id RETURNING id")
                                    .bind("role", Roles.ADMIN)
                                    .bind("id", user.id())
                                    .mapTo(UUID.class)
                                    .one()));
        }
        if (changed.isEmpty()) {
            out.println("no account has the email " + email);
            return 1;
        }
        SecurityLog.event("role." + args[0], changed.get(), Map.of("role", Roles.ADMIN, "by", "AdminCli"));
        dropCachedAccount(env, changed.get(), args[0].equals("revoke"), out);
        out.println(args[0] + "ed admin for " + email);
        return 0;
    }

    /**
     * /me is cached for five minutes; dropping it shows the new roles at once. A revoke also ends the access tokens
     * that still carry the role. Best effort: Redis may be away.
     */
    private static void dropCachedAccount(Env env, UUID userId, boolean endTokens, PrintStream out) {
        AuthConfig config = AuthConfig.fromEnv(env);
        try (RedisClient redis = Redis.connect(config.redisUrl())) {
            redis.del(AuthModule.USER_INFO + userId);
            if (endTokens) new Revocations(redis).revokeUser(userId, Instant.now(), config.accessTokenTtl());
        } catch (JedisException e) {
            out.println("note: Redis is unreachable; /me may show the old roles for up to 5 minutes"
                    + (endTokens ? ", and tokens already issued keep the role until they expire" : ""));
        }
    }
}
