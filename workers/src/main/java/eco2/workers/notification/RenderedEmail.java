package eco2.workers.notification;

/** One mail's words, ready to be put into a MIME message: the same content as plain text and as HTML. */
public record RenderedEmail(String subject, String text, String html) {}
