package eco2.compose.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Strings that have broken servers before. {@link #REFUSED} break the project's one text rule (no control characters
 * but tab and newlines, no lone surrogates), so no field may accept them; {@link #TOLERATED} are odd but legal, and
 * only have to be answered without a 5xx.
 */
final class Nasty {
    static final List<String> REFUSED = List.of(
            "a\u0000b",
            "\u0000",
            "a\u001bb",
            "bell\u0007",
            "del\u007f",
            "c1\u0085x",
            "a\ud800b",
            "\udc00",
            "end\ud83d",
            "back\bspace",
            "form\ffeed");

    static final List<String> TOLERATED = List.of(
            "",
            " ",
            "   padded   ",
            "' OR '1'='1",
            "'; DROP TABLE users; --",
            "\" \\ \" \\\\",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "%00%2e%2e%2f",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "%s%s%s%n",
            "\u202eevil\u202c",
            "zero\u200bwidth",
            "\ufeffbom",
            "😀👍🏽🇰🇷",
            "한글 텍스트 페트병",
            "e\u0301",
            "NaN",
            "-1",
            "0",
            "9999999999999999999999",
            "null",
            "true",
            "[]",
            "{}",
            "*",
            "%",
            "_",
            "\\",
            "a".repeat(300),
            "가".repeat(5000),
            "x".repeat(20_000));

    private Nasty() {}

    static String refused(Random random) {
        return pick(REFUSED, random);
    }

    static String tolerated(Random random) {
        return pick(TOLERATED, random);
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
