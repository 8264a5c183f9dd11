package eco2.my.profile;

import java.security.SecureRandom;

/** Short invite codes people can read aloud: no 0/O or 1/I/L to confuse. */
final class InviteCodes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {}

    static String next() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(code);
    }
}
