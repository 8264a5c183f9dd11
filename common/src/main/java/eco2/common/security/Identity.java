package eco2.common.security;

import java.util.UUID;

/**
 * Who is calling: a signed-in user ({@link Principal}, from a bearer token) or an integrator's server
 * ({@link KeyPrincipal}, from {@code X-API-Key}). Endpoints that belong to a person ask {@link Authenticator#require}
 * and get users only; endpoints marked key ok ask {@link Authenticator#identify} and switch on the kind.
 */
public sealed interface Identity permits Principal, KeyPrincipal {
    /** Scopes what the caller owns (idempotency keys, scan tasks, chat sessions): {@code user:<id>} or {@code key:<family>}. */
    String subject();

    /** The id under which the caller's own rows are stored: the user's id, or the key family's. */
    UUID ownerId();
}
