package eco2.workers.scan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Fans scan progress out to every instance through Redis pub/sub on {@code scan:events:{task_id}}, so a stream
 * can be served by any instance, whichever ran the task. Pub/sub may drop messages (Redis down, a reconnect);
 * the database stays the source of truth: a stream catches up from it when it opens (or reopens with
 * {@code Last-Event-ID}), and GET /scan/{task_id} always answers from it.
 */
public final class ScanEventBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanEventBus.class);
    private static final String PREFIX = "scan:events:";
    private static final TypeReference<List<SseEvent>> EVENTS = new TypeReference<>() {};

    private final RedisClient redis;
    private final URI redisUri;
    private final ScanStreams streams;
    private final ObjectMapper mapper;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    public ScanEventBus(RedisClient redis, String redisUrl, ScanStreams streams, ObjectMapper mapper) {
        this.redis = redis;
        this.redisUri = URI.create(redisUrl);
        this.streams = streams;
        this.mapper = mapper;
        this.listener = new Thread(this::listen, "scan-events-listener");
        this.listener.setDaemon(true);
    }

    public ScanEventBus start() {
        listener.start();
        return this;
    }

    /** Sends a task's current events to the streams here at once, and to every other instance through Redis. */
    public void publish(UUID taskId, List<SseEvent> events) {
        streams.deliver(taskId, events);
        try {
            redis.publish(PREFIX + taskId, Json.write(mapper, events));
        } catch (Exception e) {
            log.warn("scan progress for {} not fanned out: {}", taskId, e.toString());
        }
    }

    private void listen() {
        while (running) {
            try (Jedis jedis = connect()) {
                subscription = new JedisPubSub() {
                    @Override
                    public void onPMessage(String pattern, String channel, String message) {
                        deliver(channel, message);
                    }
                };
                jedis.psubscribe(subscription, PREFIX + "*");
            } catch (Exception e) {
                if (running) log.warn("scan progress listener lost Redis ({}); retrying in 1 s", e.toString());
            }
            sleepQuietly();
        }
    }

    private void deliver(String channel, String message) {
        try {
            UUID taskId = UUID.fromString(channel.substring(PREFIX.length()));
            streams.deliver(taskId, mapper.readValue(message, EVENTS));
        } catch (Exception e) {
            log.warn("ignoring a malformed scan progress message on {}", channel);
        }
    }

    /** Its own connection without a read timeout: a subscriber waits for news indefinitely. */
    private Jedis connect() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000)
                .socketTimeoutMillis(0)
                .protocol(RedisProtocol.RESP2);
        String user = JedisURIHelper.getUser(redisUri);
        String password = JedisURIHelper.getPassword(redisUri);
        if (user != null) config.user(user);
        if (password != null) config.password(password);
        HostAndPort address = JedisURIHelper.getHostAndPort(redisUri);
        return new Jedis(address, config.build());
    }

    private void sleepQuietly() {
        try {
            if (running) Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub current = subscription;
        try {
            if (current != null && current.isSubscribed()) current.punsubscribe();
        } catch (Exception e) {
            // already disconnected
        }
        listener.interrupt();
    }
}
