package eco2.my.avatar;

/**
 * An upload whose magic bytes promised a format the JDK reads (PNG, JPEG) but whose data does not decode: the
 * resize job marks the avatar failed instead of retrying what can never succeed.
 */
final class UnreadableImage extends Exception {
    UnreadableImage(Throwable cause) {
        super("the image data cannot be decoded: " + cause, cause);
    }
}
