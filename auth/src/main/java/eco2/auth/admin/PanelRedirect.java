package eco2.auth.admin;

/** Ends a panel request with a 303 to another panel page (sign-in, or the page after a form). */
public final class PanelRedirect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public PanelRedirect(String location) {
        super(null, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
