package eco2.workers.scan;

/** Korean particles that depend on whether a word ends in a consonant (받침): 은/는, 으로/로. */
final class Korean {
    private Korean() {}

    static String topic(String word) {
        return word + (hasFinalConsonant(word) ? "은" : "는");
    }

    /** 으로 after a final consonant other than ㄹ, 로 otherwise. */
    static String direction(String word) {
        char last = word.isEmpty() ? ' ' : word.charAt(word.length() - 1);
        boolean rieul = isSyllable(last) && (last - 0xAC00) % 28 == 8;
        return word + (hasFinalConsonant(word) && !rieul ? "으로" : "로");
    }

    private static boolean hasFinalConsonant(String word) {
        char last = word.isEmpty() ? ' ' : word.charAt(word.length() - 1);
        return isSyllable(last) && (last - 0xAC00) % 28 != 0;
    }

    private static boolean isSyllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }
}
