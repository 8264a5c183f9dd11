import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notification worker benchmark: publishes N notification.email events (as auth's relay would, confirmed) and
 * waits until the worker has handled them all, then prints throughput and the publish-to-handled latency from
 * notification.processed_events. Run by bench/run-workers.sh with the workers jar on the class path:
 * java -cp workers.jar bench/workers/NotificationBench.java AMQP_URL EXCHANGE JDBC_URL DB_USER COUNT
 */
public final class NotificationBench {
  public static void main(String[] args) throws Exception {
    String amqpUrl = args[0];
    String exchange = args[1];
    String jdbcUrl = args[2];
    String dbUser = args[3];
    int count = Integer.parseInt(args[4]);
    Map<UUID, Instant> published = new HashMap<>();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(amqpUrl);
    Instant start = Instant.now();
    try (Connection connection = factory.newConnection("notification-bench");
         Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
          .contentType("application/json").deliveryMode(2).build();
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String body = "{\"id\":\"" + id + "\",\"type\":\"notification.email\",\"occurred_at\":\"" + now
            + "\",\"source\":\"bench\",\"data\":{\"template\":\"verify_email\",\"to\":\"bench" + i
            + "@bench.eco2.test\",\"username\":\"bench_" + i + "\",\"language\":\"" + (i % 2 == 0 ? "ko" : "en")
            + "\",\"token\":\"" + id + "\",\"expires_at\":\"" + now.plus(Duration.ofHours(24)) + "\"}}";
        channel.basicPublish(exchange, "notification.email", props, body.getBytes(StandardCharsets.UTF_8));
        published.put(id, now);
        if (i % 200 == 199) channel.waitForConfirmsOrDie(10_000);
      }
      channel.waitForConfirmsOrDie(10_000);
    }
    List<Long> latencies = new ArrayList<>();
    Instant last = start;
    try (java.sql.Connection db = DriverManager.getConnection(jdbcUrl, dbUser, System.getenv("DB_PASSWORD"))) {
      long deadline = System.currentTimeMillis() + 300_000;
      while (handled(db) < count) {
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("not all events handled in 5 min");
        Thread.sleep(100);
      }
      try (ResultSet rows = db.createStatement().executeQuery(
          "SELECT event_id, processed_at FROM notification.processed_events")) {
        while (rows.next()) {
          Instant publishedAt = published.get(rows.getObject(1, UUID.class));
          if (publishedAt == null) continue;
          Instant handledAt = rows.getTimestamp(2).toInstant();
          latencies.add(Duration.between(publishedAt, handledAt).toMillis());
          if (handledAt.isAfter(last)) last = handledAt;
        }
      }
    }
    Collections.sort(latencies);
    double seconds = Duration.between(start, last).toMillis() / 1000.0;
    System.out.printf("BENCH_RESULT scenario=notification rps=%.2f p50_ms=%d p99_ms=%d requests=%d duration_s=%.2f%n",
        latencies.size() / seconds, percentile(latencies, 50), percentile(latencies, 99), latencies.size(), seconds);
  }

  private static long handled(java.sql.Connection db) throws Exception {
    try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM notification.processed_events")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
