package eco2.workers.chat;

/** One message of a conversation, as OpenAI's API has it: role {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, String content) {}
