package eco2.my.avatar;

/**
 * An upload whose magic bytes promised a format the JDK reads (PNG, JPEG) but whose data does not decode, or whose
 * header claims more pixels than an avatar may have: the resize job marks the avatar failed instead of retrying
 * what can never succeed.
 */
final class UnreadableImage extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableImage(Throwable cause) {
        super("the image cannot be decoded: " + cause, cause);
    }
}
