package eco2.auth.apikeys;

import java.util.List;

/** GET /api-keys: the caller's keys, newest first, revoked and expired ones included. */
public record KeyList(List<KeyView> items) {}
