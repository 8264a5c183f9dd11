package eco2.workers.chat;

import eco2.common.json.TextRule;

/** Free text of a chat: tab and newline are fine in multi-line messages; other controls and lone surrogates not. */
final class ChatText {
    private ChatText() {}

    /** Chat messages are multi-line text under the common rule. */
    static boolean plain(String text) {
        return TextRule.allowed(text, true);
    }

    /** Whether the text is Korean (any Hangul syllable), to answer in the asker's language. */
    static boolean korean(String text) {
        return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }
}
