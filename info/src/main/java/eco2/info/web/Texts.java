package eco2.info.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How free text from clients is compared: one Unicode form (NFC), lower case, single spaces. */
public final class Texts {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {}

    /** NFC (a Mac may send decomposed Hangul), trimmed, runs of whitespace as one space, lower case. */
    public static String normalise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(composed.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** {@link #normalise} without any spaces: "서울 특별시" and "서울특별시" compare equal. */
    public static String compact(String text) {
        return SPACES.matcher(normalise(text)).replaceAll("");
    }

    /** Length in characters as people count them (code points), not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Letters without spaces, Hangul syllables counted by their letters (병 is ㅂ ㅕ ㅇ, three), as search compares. */
    public static int letters(String text) {
        String decomposed = Normalizer.normalize(SPACES.matcher(text).replaceAll(""), Normalizer.Form.NFD);
        return length(decomposed);
    }

    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }
}
