package eco2.common.security;

/**
 * The role names access tokens carry in their {@code roles} claim ({@link Principal#roles()}). auth grants them;
 * every service checks them by these names.
 */
public final class Roles {
    /** May use every service's admin endpoints and write the catalogues (items, FAQ, centre imports). */
    public static final String ADMIN = "admin";

    private Roles() {}
}
