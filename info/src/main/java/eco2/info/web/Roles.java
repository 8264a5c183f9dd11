package eco2.info.web;

/** JWT roles info checks. */
public final class Roles {
    /** May create, replace and delete items and FAQ entries. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
