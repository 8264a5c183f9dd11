package eco2.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.error.BadGateway;
import eco2.common.error.Forbidden;
import eco2.common.error.NotFound;
import eco2.common.error.Unavailable;
import eco2.common.http.RequestIds;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter page: every service's dead-letter queues (from its admin stats), one queue's messages, and replay
 * or discard of a message, all through the services' own admin endpoints as the signed-in admin.
 */
public final class DeadLetterHandler {
    private static final int BODY_SHOWN = 2000;

    private final PanelPages pages;
    private final ServiceClient client;
    private final ServiceStats stats;
    private final AdminService admin;

    public DeadLetterHandler(PanelPages pages, ServiceClient client, ServiceStats stats, AdminService admin) {
        this.pages = pages;
        this.client = client;
        this.stats = stats;
        this.admin = admin;
    }

    /** {@code GET /admin/dead-letters?service=workers&queue=workers.scan-requested.dlq} */
    public void show(Context ctx, PanelCaller caller) {
        Map<String, Object> model = pages.model(ctx, caller, "dead_letters", "dead_letters");
        model.put(
                "services",
                stats.collect(caller.accessToken()).stream()
                        .map(ServiceStats.Stat::view)
                        .toList());
        String service = ctx.queryParam("service");
        String queue = ctx.queryParam("queue");
        if (service != null && queue != null) {
            known(service);
            JsonNode answer = answer(client.get(
                    service, "/admin/dead-letters/" + ServiceClient.encode(queue) + "?limit=50", caller.accessToken()));
            String actionBase = "/admin/dead-letters/" + service + "/" + ServiceClient.encode(queue) + "/";
            List<Map<String, Object>> messages = new ArrayList<>();
            for (JsonNode m : answer.path("messages")) {
                String body = m.path("body").isTextual()
                        ? m.path("body").asText()
                        : m.path("body").toString();
                if (body.length() > BODY_SHOWN) body = body.substring(0, BODY_SHOWN) + "…";
                messages.add(Map.of(
                        "id", m.path("id").asText(),
                        "type", m.path("type").asText(""),
                        "routingKey", m.path("routing_key").asText(""),
                        "error", m.path("error").asText(""),
                        "attempts", m.path("attempts").asText(""),
                        "body", body,
                        "actionBase",
                                actionBase + ServiceClient.encode(m.path("id").asText())));
            }
            model.put(
                    "selected",
                    Map.of(
                            "service", service,
                            "queue", queue,
                            "depth", answer.path("depth").asText(Integer.toString(messages.size())),
                            "messages", messages,
                            "has_messages", !messages.isEmpty()));
        }
        pages.render(ctx, "dead_letters", model);
    }

    /** {@code POST /admin/dead-letters/{service}/{queue}/{id}/replay} or {@code .../discard} */
    public void act(Context ctx, PanelCaller caller) {
        String service = known(ctx.pathParam("service"));
        String queue = ctx.pathParam("queue");
        String id = ctx.pathParam("id");
        String path = "/admin/dead-letters/" + ServiceClient.encode(queue) + "/" + ServiceClient.encode(id);
        boolean replay = ctx.pathParam("action").equals("replay");
        if (!replay && !ctx.pathParam("action").equals("discard")) throw new NotFound("No such action");
        ServiceClient.Reply reply = replay
                ? client.call(service, "POST", path + "/replay", null, caller.accessToken())
                : client.call(service, "DELETE", path, null, caller.accessToken());
        if (!reply.ok()) answer(reply);
        admin.record(
                caller.actor(RequestIds.of(ctx)),
                replay ? "dead_letter.replay" : "dead_letter.discard",
                service + ":" + queue + ":" + id,
                null);
        throw new PanelRedirect("/admin/dead-letters?service=" + service + "&queue="
                + URLEncoder.encode(queue, StandardCharsets.UTF_8) + "&notice=" + (replay ? "replayed" : "discarded"));
    }

    private static String known(String service) {
        if (!AdminSettings.PREFIXES.containsKey(service)) throw new NotFound("No such service");
        return service;
    }

    private static JsonNode answer(ServiceClient.Reply reply) {
        if (reply.ok() && reply.json() != null) return reply.json();
        if (reply.status() == 0) throw new Unavailable("The service is not answering");
        if (reply.status() == 404) throw new NotFound("No such queue or message");
        if (reply.status() == 401 || reply.status() == 403) throw new Forbidden("The service refused the admin token");
        throw new BadGateway("The service answered " + reply.status());
    }
}
