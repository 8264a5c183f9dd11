package eco2.my.profile;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@code user.registered} → the new user's profile. (The invite reward comes with the points ledger.) */
public final class UserRegisteredHandler implements EventHandler {
  public static final String TYPE = "user.registered";

  private final ProfileService profiles;

  public UserRegisteredHandler(ProfileService profiles) {
    this.profiles = profiles;
  }

  @Override
  public void handle(Handle transaction, EventEnvelope event) {
    JsonNode data = event.data();
    UUID userId = UUID.fromString(data.path("user_id").asText());
    profiles.ensure(transaction, userId, data.path("username").asText(null));
  }
}
