package eco2.location.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded file into text. Korean public-data portals publish CSV in UTF-8 or in MS949 (EUC-KR), with no
 * label saying which: strict UTF-8 is tried first, since MS949 text is almost never valid UTF-8.
 */
public final class CsvText {
    static final Charset MS949 = Charset.forName("x-windows-949");

    private CsvText() {}

    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, MS949);
        }
    }
}
