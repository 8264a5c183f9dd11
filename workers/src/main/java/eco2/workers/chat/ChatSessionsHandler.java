package eco2.workers.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.error.NotFound;
import eco2.common.http.PathIds;
import eco2.common.http.QueryParams;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** HTTP for the caller's chat sessions: the feed, one session with its messages, and deletion. */
public final class ChatSessionsHandler {
    private static final String BASE = "/api/v1/chat/sessions";

    private final Jdbi jdbi;
    private final Authenticator auth;
    private final ObjectMapper mapper;

    public ChatSessionsHandler(Jdbi jdbi, Authenticator auth, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.auth = auth;
        this.mapper = mapper;
    }

    /** {@code curl 'localhost:8085/api/v1/chat/sessions?limit=20' -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE,
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "chat",
            operationId = "listChatSessions",
            summary = "List my chat sessions",
            description = "The caller's chat sessions, most recent first (feed: limit 1-100, cursor)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams = {@OpenApiParam(name = "limit", type = Integer.class), @OpenApiParam(name = "cursor")},
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        UUID userId = auth.identify(ctx).ownerId();
        FieldErrors errors = new FieldErrors();
        int limit = QueryParams.intInRange(ctx, "limit", 20, 1, 100, errors);
        Object[] after = cursor(ctx.queryParam("cursor"), errors);
        errors.throwIfAny();
        List<ChatRepository.SessionRow> rows = jdbi.withExtension(
                ChatRepository.class, repo -> repo.feed(userId, (Instant) after[0], (UUID) after[1], limit + 1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChatRepository.SessionRow row : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", row.id().toString());
            item.put("title", row.title());
            item.put("message_count", row.messageCount());
            item.put("last_message_at", row.lastMessageAt().toString());
            items.add(item);
        }
        String next = null;
        if (rows.size() > limit) {
            ChatRepository.SessionRow last = rows.get(limit - 1);
            next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((last.lastMessageAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next_cursor", next);
        ctx.json(body);
    }

    /** {@code curl localhost:8085/api/v1/chat/sessions/<id> -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE + "/{id}",
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "chat",
            operationId = "getChatSession",
            summary = "Get a chat session",
            description = "One of the caller's sessions with its messages, oldest first",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        UUID userId = auth.identify(ctx).ownerId();
        UUID id = id(ctx);
        Map<String, Object> body = jdbi.withExtension(ChatRepository.class, repo -> {
            ChatRepository.SessionRow session =
                    repo.session(id, userId).orElseThrow(() -> new NotFound("No such chat session"));
            List<Map<String, Object>> messages = new ArrayList<>();
            for (ChatRepository.MessageRow m : repo.messages(id)) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("id", m.id().toString());
                message.put("role", m.role());
                message.put("content", m.content());
                message.put("intent", m.intent());
                message.put("sources", json(m.sources()));
                message.put("created_at", m.createdAt().toString());
                messages.add(message);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", session.id().toString());
            out.put("title", session.title());
            out.put("messages", messages);
            return out;
        });
        ctx.json(body);
    }

    /** {@code curl -XDELETE localhost:8085/api/v1/chat/sessions/<id> -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE + "/{id}",
            methods = HttpMethod.DELETE,
            versions = "workers",
            tags = "chat",
            operationId = "deleteChatSession",
            summary = "Delete a chat session",
            description = "Delete one of the caller's sessions and its messages",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void delete(Context ctx) {
        UUID userId = auth.identify(ctx).ownerId();
        UUID id = id(ctx);
        if (jdbi.withExtension(ChatRepository.class, repo -> repo.delete(id, userId)) == 0) {
            throw new NotFound("No such chat session");
        }
        ctx.status(204);
    }

    private static UUID id(Context ctx) {
        return PathIds.parse(ctx.pathParam("id"), "No such chat session");
    }

    private static Object[] cursor(String cursor, FieldErrors errors) {
        if (cursor == null) return new Object[2];
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Object[] {Instant.parse(parts[0]), UUID.fromString(parts[1])};
        } catch (RuntimeException e) {
            errors.add("cursor", "is not a cursor this feed gave out");
            return new Object[2];
        }
    }

    private Object json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            return List.of();
        }
    }
}
