package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 and the ways real exports bend it. */
class CsvReaderTest {
    @Test
    void plainRecordsWithEmptyFields() {
        assertThat(read("a,b,c\n1,,3\n,,\n"))
                .containsExactly(rec(1, "a", "b", "c"), rec(2, "1", "", "3"), rec(3, "", "", ""));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = read("name,items\n\"Kim, Mina\",\"투명페트병\n캔\"\n\"say \"\"hi\"\"\",\"\"\nnext,x\n");
        assertThat(records)
                .containsExactly(
                        rec(1, "name", "items"),
                        rec(2, "Kim, Mina", "투명페트병\n캔"),
                        rec(4, "say \"hi\"", ""),
                        rec(5, "next", "x"));
    }

    @Test
    void lineEndsMayBeCrlfLfOrCrAndInsideFieldsBecomeLf() {
        assertThat(read("a,\"x\r\ny\"\r\nb,c\rd,e"))
                .containsExactly(rec(1, "a", "x\ny"), rec(3, "b", "c"), rec(4, "d", "e"));
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreSkipped() {
        assertThat(read("\uFEFFid,name\n\n1,x\r\n\r\n\n2,y\n\n"))
                .containsExactly(rec(1, "id", "name"), rec(3, "1", "x"), rec(6, "2", "y"));
    }

    @Test
    void theLastRecordNeedsNoLineEnd() {
        assertThat(read("a,b")).containsExactly(rec(1, "a", "b"));
        assertThat(read("a,\"b\"")).containsExactly(rec(1, "a", "b"));
        assertThat(read("a,")).containsExactly(rec(1, "a", ""));
        assertThat(read("")).isEmpty();
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(read("5\" pipe,ok\n")).containsExactly(rec(1, "5\" pipe", "ok"));
    }

    @Test
    void textAfterAClosingQuoteMarksTheRecordMalformedButReadingGoesOn() {
        List<CsvRecord> records = read("\"abc\"def,x\nnext,y\n");
        assertThat(records.get(0).error()).isEqualTo("text after a closing quote on line 1");
        assertThat(records.get(0).fields()).containsExactly("abcdef", "x");
        assertThat(records.get(1)).isEqualTo(rec(2, "next", "y"));
    }

    @Test
    void aQuoteNeverClosedSwallowsTheRestAndSaysWhere() {
        List<CsvRecord> records = read("a,b\n1,\"open\n2,x\n3,y\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).error()).isEqualTo("quoted field opened on line 2 is never closed");
    }

    @Test
    void surrogatePairsSurvive() {
        assertThat(read("\"♻️ 🗑️\",x")).containsExactly(rec(1, "♻️ 🗑️", "x"));
    }

    private static CsvRecord rec(int line, String... fields) {
        return new CsvRecord(line, List.of(fields), null);
    }

    private static List<CsvRecord> read(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) records.add(r);
        return records;
    }
}
