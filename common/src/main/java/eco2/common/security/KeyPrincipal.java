package eco2.common.security;

import java.util.UUID;

/**
 * An integrator calling with an API key: the key, its tier, the account that owns it, and its family (the id kept
 * across rotations, which owns its quota and whatever it creates).
 */
public record KeyPrincipal(UUID keyId, String prefix, ApiTier tier, UUID accountId, UUID familyId) implements Identity {
    @Override
    public String subject() {
        return "key:" + familyId;
    }

    @Override
    public UUID ownerId() {
        return familyId;
    }
}
