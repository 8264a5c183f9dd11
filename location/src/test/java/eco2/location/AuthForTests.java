package eco2.location;

import eco2.auth.AuthConfig;
import eco2.common.config.Env;
import eco2.common.events.AmqpSettings;
import eco2.common.testing.TestServices;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * auth's configuration for a test app: read from an environment naming the test database and Redis, then copied
 * with this test's exchange and queue so its events never reach the shared {@code eco2.events}.
 *
 * <p>The copy goes by record component name on purpose: auth's config gains settings while location is built in
 * parallel (OAuth, mail), and naming only the two components that must differ keeps this helper compiling and
 * correct against either version.
 */
final class AuthForTests {
  private AuthForTests() {}

  static AuthConfig config(String database, String redisUrl, AmqpSettings amqp, String userDeletedQueue,
                           Path keyFile) {
    TestServices services = TestServices.get();
    AuthConfig base = AuthConfig.fromEnv(new Env(Map.of(
        "DATABASE_URL", services.adminJdbcUrl(database), "DB_USER", "auth", "DB_PASSWORD", "eco2-test",
        "DB_POOL_SIZE", "4", "DB_BOOTSTRAP", "true", "DB_ADMIN_USER", services.adminUser(),
        "DB_ADMIN_PASSWORD", services.adminPassword(), "REDIS_URL", redisUrl, "RATE_LIMIT_ENABLED", "false",
        "JWT_DEV_KEY_FILE", keyFile.toString())));
    return copy(base, Map.of("amqp", amqp, "userDeletedQueue", userDeletedQueue));
  }

  private static AuthConfig copy(AuthConfig base, Map<String, Object> changes) {
    try {
      RecordComponent[] components = AuthConfig.class.getRecordComponents();
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(base);
      }
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<AuthConfig> canonical = AuthConfig.class.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy AuthConfig", e);
    }
  }
}
