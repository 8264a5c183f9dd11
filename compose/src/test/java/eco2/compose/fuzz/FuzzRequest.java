package eco2.compose.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request: the target (path already filled in, query already encoded), headers, body, what kind of
 * case it is and whether the server must refuse it (a request that breaks the spec or the text rule never earns a
 * 2xx).
 */
record FuzzRequest(
        Operation operation,
        String method,
        String target,
        List<String[]> headers,
        byte[] body,
        String kind,
        boolean mustRefuse) {

    /** A one-line curl command that sends exactly these bytes (tokens in it expire with the run). */
    String curl(String base) {
        StringBuilder out =
                new StringBuilder("curl -sS -X ").append(method).append(' ').append(shell(base + target));
        for (String[] h : headers) out.append(" -H ").append(shell(h[0] + ": " + h[1]));
        if (body != null && body.length > 0) {
            out.append(" --data-binary ").append(body.length > 2048 ? repeated(body) : shell(body));
        }
        return out.toString();
    }

    /** A big body as its prefix, its longest run of one byte, and its suffix, rebuilt by the shell. */
    private static String repeated(byte[] body) {
        int bestStart = 0, bestLength = 0;
        for (int i = 0; i < body.length; ) {
            int j = i;
            while (j < body.length && body[j] == body[i]) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        byte[] prefix = java.util.Arrays.copyOfRange(body, 0, bestStart);
        byte[] suffix = java.util.Arrays.copyOfRange(body, bestStart + bestLength, body.length);
        return "@<(printf %s " + shell(prefix) + "; head -c " + bestLength + " /dev/zero | tr '\\0' "
                + shell(new byte[] {body[bestStart]}) + "; printf %s " + shell(suffix) + ")";
    }

    /** Bash ANSI-C quoting, so control characters and invalid UTF-8 survive copy and paste. */
    static String shell(String text) {
        return shell(text.getBytes(StandardCharsets.UTF_8));
    }

    static String shell(byte[] bytes) {
        StringBuilder out = new StringBuilder("$'");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\'' || c == '\\') out.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) out.append((char) c);
            else out.append(String.format("\\x%02x", c));
        }
        return out.append('\'').toString();
    }
}
