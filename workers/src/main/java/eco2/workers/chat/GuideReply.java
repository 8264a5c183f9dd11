package eco2.workers.chat;

import eco2.workers.llm.TokenSink;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Offline replies: the composed answer, handed on word by word (each word with the space before it). */
public final class GuideReply implements ChatReply {
    private static final Pattern WORD = Pattern.compile("\\s*\\S+");

    private final GuideComposer composer;

    public GuideReply(GuideComposer composer) {
        this.composer = composer;
    }

    @Override
    public CompletableFuture<String> write(ChatRequest request, Grounding grounding, TokenSink onText) {
        String answer = composer.compose(grounding);
        Matcher words = WORD.matcher(answer);
        while (words.find()) onText.accept(words.group());
        return CompletableFuture.completedFuture(answer);
    }
}
