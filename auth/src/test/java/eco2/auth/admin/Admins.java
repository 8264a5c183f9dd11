package eco2.auth.admin;

import eco2.auth.AuthTestApp;
import eco2.common.testing.TestUsers;

/** A registered user given the admin role, as an operator does with AdminCli. */
final class Admins {
    private Admins() {}

    static TestUsers.Session create(AuthTestApp auth) {
        TestUsers.Session user = TestUsers.register(auth.http);
        auth.db.useHandle(h -> h.createUpdate(
                        "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(:id AS uuid)")
                .bind("id", user.id())
                .execute());
        return user;
    }
}
