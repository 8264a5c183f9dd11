package eco2.auth.admin;

import eco2.auth.apikeys.ApiKey;
import eco2.common.error.FieldErrors;
import eco2.common.http.RequestIds;
import eco2.common.security.ApiTier;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API-key pages: live keys by tier (paged) with revoke, and the two key actions of a user's page, setting the
 * account's entitlement and revoking one key.
 */
public final class KeysHandler {
    private final PanelPages pages;
    private final AdminService admin;

    public KeysHandler(PanelPages pages, AdminService admin) {
        this.pages = pages;
        this.admin = admin;
    }

    /** {@code GET /admin/api-keys?tier=pro&page=2}; an unknown tier lists them all. */
    public void list(Context ctx, PanelCaller caller) {
        ApiTier tier = ApiTier.parse(ctx.queryParam("tier")).orElse(null);
        int page = Paging.page(ctx);
        AdminService.KeyPage found = admin.keys(tier, page);
        List<Map<String, Object>> tiers = new ArrayList<>();
        tiers.add(Map.of("key", "", "label", "all", "selected", tier == null));
        for (ApiTier t : ApiTier.values()) tiers.add(Map.of("key", t.key(), "label", t.key(), "selected", t == tier));
        Map<String, Object> model = pages.model(ctx, caller, "api_keys", "api_keys");
        model.put("tiers", tiers);
        model.put("keys", found.keys().stream().map(KeysHandler::row).toList());
        model.put("has_keys", !found.keys().isEmpty());
        model.put("total", found.total());
        String base = "/admin/api-keys?" + (tier == null ? "" : "tier=" + tier.key() + "&");
        model.put("pager", Paging.pager(pages, model, base, page, found.total()));
        pages.render(ctx, "api_keys", model);
    }

    /** {@code POST /admin/api-keys/{id}/revoke}: back to the owner's page when the form came from there. */
    public void revoke(Context ctx, PanelCaller caller) {
        ApiKey key = admin.revokeKey(caller.actor(RequestIds.of(ctx)), PathIds.uuid(ctx, "id", "No such API key"));
        if ("user".equals(ctx.formParam("from")))
            throw new PanelRedirect("/admin/users/" + key.userId() + "?notice=key_revoked");
        throw new PanelRedirect("/admin/api-keys?notice=key_revoked");
    }

    /** {@code POST /admin/users/{id}/entitlement} with {@code tier}. */
    public void entitle(Context ctx, PanelCaller caller) {
        UUID id = PathIds.uuid(ctx, "id", "No such user");
        ApiTier tier = ApiTier.parse(ctx.formParam("tier")).orElse(null);
        if (tier == null) {
            FieldErrors errors = new FieldErrors();
            errors.add("tier", "must be one of free, pro, enterprise");
            errors.throwIfAny();
        }
        admin.setEntitlement(caller.actor(RequestIds.of(ctx)), id, tier);
        throw new PanelRedirect("/admin/users/" + id + "?notice=entitled");
    }

    /** A user's page: the entitlement form and the account's keys. */
    void addTo(Map<String, Object> model, UUID userId) {
        ApiTier entitlement = admin.entitlement(userId);
        List<Map<String, Object>> choices = new ArrayList<>();
        for (ApiTier t : ApiTier.values()) choices.add(Map.of("key", t.key(), "selected", t == entitlement));
        List<Map<String, Object>> keys =
                admin.keysOf(userId).stream().map(KeysHandler::row).toList();
        model.put("entitlement", entitlement.key());
        model.put("tier_choices", choices);
        model.put("keys", keys);
        model.put("has_keys", !keys.isEmpty());
    }

    private static Map<String, Object> row(AdminRepository.KeyRow key) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", key.id().toString());
        row.put("prefix", key.prefix());
        row.put("name", key.name());
        row.put("tier", key.tier());
        row.put("userId", key.userId().toString());
        row.put("owner", key.ownerEmail());
        row.put("created", Views.time(key.createdAt()));
        row.put("lastUsed", key.lastUsedAt() == null ? "–" : Views.time(key.lastUsedAt()));
        row.put("expires", key.expiresAt() == null ? "" : Views.time(key.expiresAt()));
        row.put("live", key.live());
        return row;
    }
}
