package eco2.auth.oauth;

import eco2.auth.account.Credentials;
import eco2.auth.account.EmailOwnership;
import eco2.auth.account.User;
import eco2.auth.account.UserRegistered;
import eco2.auth.account.UserRepository;
import eco2.auth.account.Usernames;
import eco2.common.db.UniqueViolation;
import eco2.common.error.Conflict;
import eco2.common.error.Unauthorized;
import eco2.common.events.OutboxWriter;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Finds the account a provider identity signs in to. A known identity uses its linked account. Otherwise an
 * existing account is linked only when both sides vouch for the email: the provider verified it and so did the
 * account (else whoever registered someone's address first could capture their Google sign-in). With no
 * account for the email, a new one is created, with no password, and {@code user.registered} is published. An
 * email the provider has not verified is never stored as the account's email: the account is made without one,
 * so it cannot be waiting for the address's owner to reset its password and inherit this provider's link.
 */
public final class SocialSignIn {
    private final Jdbi jdbi;
    private final OutboxWriter outbox;
    private final EmailOwnership ownership;

    public SocialSignIn(Jdbi jdbi, OutboxWriter outbox, EmailOwnership ownership) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.ownership = ownership;
    }

    public User resolve(ProviderIdentity identity) {
        try {
            return jdbi.inTransaction(handle -> resolve(handle, identity));
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolation.constraint(e).isEmpty()) throw e;
            // A parallel first sign-in (same identity, or the same derived username) won; look again.
            return jdbi.inTransaction(handle -> resolve(handle, identity));
        }
    }

    private User resolve(Handle handle, ProviderIdentity identity) {
        UserRepository users = handle.attach(UserRepository.class);
        SocialAccountRepository links = handle.attach(SocialAccountRepository.class);
        Optional<UUID> linked = links.findUserId(identity.provider(), identity.subject());
        if (linked.isPresent()) return active(users.findById(linked.get()).orElseThrow());
        String email = usableEmail(identity.email());
        Optional<User> owner = email == null ? Optional.empty() : users.findByEmail(email);
        if (owner.isPresent()) {
            if (!identity.emailVerified() || !owner.get().isVerified()) {
                throw new Conflict("An account with this email already exists. Sign in with its password (or reset it) "
                        + "and verify the email, then " + identity.provider() + " sign-in will join it");
            }
            User user = active(owner.get());
            links.link(identity.provider(), identity.subject(), user.id(), email, true);
            return user;
        }
        String verifiedEmail = identity.emailVerified() ? email : null;
        UUID id = UUID.randomUUID();
        String username = Usernames.unique(users, verifiedEmail, identity.displayName(), identity.provider());
        users.insertWithoutPassword(id, verifiedEmail, username, verifiedEmail != null);
        links.link(identity.provider(), identity.subject(), id, email, verifiedEmail != null);
        User created = users.findById(id).orElseThrow();
        outbox.append(handle, UserRegistered.TYPE, UserRegistered.of(created, null));
        if (verifiedEmail != null) ownership.announce(handle, id);
        return created;
    }

    private static User active(User user) {
        if (!user.isActive()) throw new Unauthorized("Account is deactivated");
        return user;
    }

    /** Normalised like a registered email; an address we would refuse at registration is not stored. */
    private static String usableEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254 || !email.contains("@")) return null;
        return Credentials.normaliseEmail(email);
    }
}
