package eco2.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat messages are multi-line text under the common rule: newlines and tabs yes, other controls never. */
class ChatTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"페트병은 어떻게 버려요?", "첫 줄\n둘째 줄", "a\r\nb", "표:\t1\t2", "🌱"})
    void multiLineTextIsPlain(String text) {
        assertThat(ChatText.plain(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001bb", "a\u0007b", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00b"})
    void controlsAndLoneSurrogatesAreNot(String text) {
        assertThat(ChatText.plain(text)).isFalse();
    }
}
