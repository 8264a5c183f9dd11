package eco2.workers.scan;

/** One server-sent event: its id, its name and its JSON data (a single line). */
public record SseEvent(long id, String event, String data) {
    /** The wire form: {@code id:}, {@code event:}, {@code data:}, then a blank line. */
    public String wire() {
        return "id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n";
    }
}
