package eco2.common.testing;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import redis.clients.jedis.Jedis;

/** Answers "does a real server answer here within about a second?" by actually talking to it, never by just opening a port. */
final class ServiceProbe {

    private static final int TIMEOUT_MILLIS = 1000;

    private ServiceProbe() {}

    /** A login plus {@code SELECT 1}: an open port with a wrong password or a missing role is not "reachable". */
    static boolean postgres(String jdbcUrl, String user, String password) {
        Properties props = credentials(user, password);
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "1");
        props.setProperty("socketTimeout", "2");
        try (var connection = DriverManager.getConnection(jdbcUrl, props);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (Exception e) {
            return false;
        }
    }

    static boolean redis(String uri) {
        try (Jedis jedis = new Jedis(URI.create(uri), TIMEOUT_MILLIS)) {
            return "PONG".equals(jedis.ping());
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("try") // a connection that opens is the whole check
    static boolean amqp(String uri) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            factory.setConnectionTimeout(TIMEOUT_MILLIS);
            factory.setHandshakeTimeout(TIMEOUT_MILLIS);
            factory.setAutomaticRecoveryEnabled(false);
            try (Connection ignored = factory.newConnection("eco2-test-probe")) {
                return true;
            }
        } catch (Exception e) {
            return false;
        }
    }

    static Properties credentials(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }
}
