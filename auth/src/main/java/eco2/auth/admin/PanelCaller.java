package eco2.auth.admin;

import eco2.auth.account.User;
import eco2.common.security.Roles;

/** The signed-in person behind a panel request: their account as it is now, their session and its cookie. */
public record PanelCaller(User user, PanelSession session, String cookie) {
    public boolean isAdmin() {
        return user.roles().contains(Roles.ADMIN);
    }

    public AdminService.Actor actor(String requestId) {
        return new AdminService.Actor(user.id(), user.email(), requestId);
    }

    public String accessToken() {
        return session.accessToken();
    }
}
