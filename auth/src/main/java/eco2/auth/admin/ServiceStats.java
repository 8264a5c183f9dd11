package eco2.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks every service for {@code GET <prefix>/admin/stats} at once, as the signed-in admin, and shapes the answers
 * for the dashboard and the dead-letter page. A service that does not answer well is reported as unavailable.
 */
public final class ServiceStats {
    private final ServiceClient client;

    public ServiceStats(ServiceClient client) {
        this.client = client;
    }

    /** One service's answer: null {@code stats} when it was unavailable. */
    public record Stat(String name, JsonNode stats) {
        public boolean available() {
            return stats != null;
        }

        /** A count from {@code counts}, as text, or null when absent or unavailable. */
        public String count(String key) {
            if (stats == null || !stats.path("counts").hasNonNull(key)) return null;
            return stats.path("counts").get(key).asText();
        }

        public Map<String, Object> view() {
            Map<String, Object> view = new HashMap<>();
            view.put("name", name);
            view.put("available", available());
            if (stats != null) {
                view.put("backlog", stats.path("outbox_backlog").asText("–"));
                List<Map<String, Object>> queues = new ArrayList<>();
                for (JsonNode queue : stats.path("dead_letters")) {
                    String queueName = queue.path("queue").asText();
                    long depth = queue.path("depth").asLong();
                    queues.add(Map.of(
                            "service",
                            name,
                            "queue",
                            queueName,
                            "queueParam",
                            URLEncoder.encode(queueName, StandardCharsets.UTF_8),
                            "depth",
                            Long.toString(depth),
                            "depthPositive",
                            depth > 0));
                }
                view.put("queues", queues);
            }
            return view;
        }
    }

    public List<Stat> collect(String token) {
        Map<String, CompletableFuture<ServiceClient.Reply>> pending = new HashMap<>();
        AdminSettings.PREFIXES
                .keySet()
                .forEach(name -> pending.put(name, client.getAsync(name, "/admin/stats", token)));
        List<Stat> stats = new ArrayList<>();
        for (String name : AdminSettings.PREFIXES.keySet()) {
            ServiceClient.Reply reply = pending.get(name).join();
            stats.add(new Stat(name, reply.ok() && reply.json() != null ? reply.json() : null));
        }
        return stats;
    }
}
