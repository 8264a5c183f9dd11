package eco2.location.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields split by commas, records by CRLF, LF or CR; quoted fields may
 * hold commas, line breaks and doubled quotes ({@code ""}). A leading byte-order mark is skipped, and so are blank
 * lines. A quote inside an unquoted field is kept as text; text after a closing quote, or a quote never closed,
 * makes the record malformed (its {@code error} says why) rather than silently shifting fields.
 */
public final class CsvReader {
    private static final int EOF = -1;

    private final Reader in;
    private int line = 1;
    private int pending = -2; // one character of look-ahead; -2 = none
    private boolean started;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() {
        if (!started) {
            started = true;
            int first = read();
            if (first != '\uFEFF') unread(first);
        }
        while (true) {
            int c = read();
            if (c == EOF) return null;
            if (c == '\n' || c == '\r') {
                endOfLine(c); // a blank line: no record
                continue;
            }
            unread(c);
            return record();
        }
    }

    private CsvRecord record() {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        while (true) {
            int c = read();
            if (c == '"') {
                String problem = quoted(field);
                if (problem != null && error == null) error = problem;
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    if (error == null) error = "text after a closing quote on line " + line;
                    while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                        field.append((char) c);
                        c = read();
                    }
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') continue;
            if (c != EOF) endOfLine(c);
            return new CsvRecord(startLine, fields, error);
        }
    }

    /** Reads a quoted field's content after its opening quote, up to its closing quote; an error when it never closes. */
    private String quoted(StringBuilder field) {
        int openedOn = line;
        while (true) {
            int c = read();
            if (c == EOF) return "quoted field opened on line " + openedOn + " is never closed";
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                unread(next);
                return null;
            }
            if (c == '\r') {
                int next = read();
                if (next != '\n') unread(next);
                field.append('\n'); // line breaks inside a field come back as \n, whatever the file used
                line++;
                continue;
            }
            if (c == '\n') line++;
            field.append((char) c);
        }
    }

    private void endOfLine(int c) {
        if (c == '\r') {
            int next = read();
            if (next != '\n') unread(next);
        }
        line++;
    }

    private int read() {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pending = c;
    }
}
