package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import eco2.workers.scan.ScanTestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java library, unmodified, pointed at …/api/v1 with a bearer token as its API key. */
class OpenAiClientIT {
    static ScanTestApp app;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        app = ScanTestApp.start();
        ScanTestApp.User user = app.register();
        client = OpenAIOkHttpClient.builder()
                .apiKey(user.accessToken())
                .baseUrl("http://127.0.0.1:" + app.app.port() + "/api/v1")
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        app.close();
    }

    static ChatCompletionCreateParams question(String text) {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage("You are a recycling assistant.")
                .addUserMessage(text)
                .build();
    }

    @Test
    void createReturnsTheGroundedAnswer() {
        ChatCompletion completion = client.chat().completions().create(question("페트병 어떻게 버려?"));

        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.choices()).hasSize(1);
        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content).contains("페트병");
        assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(completion.usage()).isPresent();
        // Not a declared ChatCompletion property: present only as an additional one the client kept.
        assertThat(completion._allProperties()).containsKey("eco2");
    }

    @Test
    void createStreamingDeliversTheSameAnswerInChunks() {
        String whole = client.chat()
                .completions()
                .create(question("유리병 어떻게 버려?"))
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();
        List<String> pieces = new ArrayList<>();
        String finish = null;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question("유리병 어떻게 버려?"))) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    choice.delta().content().ifPresent(pieces::add);
                    if (choice.finishReason().isPresent())
                        finish = choice.finishReason().get().asString();
                }
            }
        }
        assertThat(pieces.size()).isGreaterThan(5);
        assertThat(String.join("", pieces)).isEqualTo(whole);
        assertThat(finish).isEqualTo("stop");
    }

    @Test
    void aRefusedRequestShowsTheServersMessage() {
        ChatCompletionCreateParams twoAnswers = question("유리병").toBuilder().n(2).build();
        try {
            client.chat().completions().create(twoAnswers);
            throw new AssertionError("n: 2 was accepted");
        } catch (UnprocessableEntityException e) {
            assertThat(e.statusCode()).isEqualTo(422);
            assertThat(e.getMessage()).contains("n must be 1");
        }
    }
}
