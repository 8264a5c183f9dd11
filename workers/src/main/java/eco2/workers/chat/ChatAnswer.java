package eco2.workers.chat;

/** A finished answer: the text, why it ended ({@code stop}, {@code cancelled}, {@code error}) and its grounding. */
public record ChatAnswer(String content, String finishReason, Grounding grounding) {}
