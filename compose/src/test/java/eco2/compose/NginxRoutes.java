package eco2.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gateway's {@code routes.conf} (the inside of a {@code server {}} block) parsed into directives, with nginx's
 * rules for which {@code location} serves a URI and which directives it inherits from the server level. Only what
 * routes.conf uses: simple directives and un-nested {@code location} blocks.
 */
final class NginxRoutes {
    record Directive(String name, List<String> args, List<Directive> block) {}

    private final List<Directive> server;

    NginxRoutes(String text) {
        List<String> tokens = tokens(text);
        int[] at = {0};
        server = parse(tokens, at);
        if (at[0] != tokens.size()) throw new AssertionError("routes.conf: unbalanced braces");
    }

    List<Directive> locations() {
        return server.stream().filter(d -> d.name().equals("location")).toList();
    }

    /** The location nginx picks for a URI: exact, then longest prefix (^~ stops there), then the first regex. */
    Optional<Directive> locationFor(String uri) {
        Directive longest = null;
        String longestPath = "";
        for (Directive loc : locations()) {
            List<String> a = loc.args();
            if (a.size() == 2 && a.get(0).equals("=") && a.get(1).equals(uri)) return Optional.of(loc);
            String path = a.size() == 1 ? a.get(0) : a.get(0).equals("^~") ? a.get(1) : null;
            if (path != null && uri.startsWith(path) && path.length() > longestPath.length()) {
                longest = loc;
                longestPath = path;
            }
        }
        if (longest != null && longest.args().get(0).equals("^~")) return Optional.of(longest);
        for (Directive loc : locations()) {
            List<String> a = loc.args();
            if (a.size() == 2 && (a.get(0).equals("~") || a.get(0).equals("~*"))) {
                int flags = a.get(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
                if (Pattern.compile(a.get(1), flags).matcher(uri).find()) return Optional.of(loc);
            }
        }
        return Optional.ofNullable(longest);
    }

    /** A directive's value in a location, or inherited from the server level: its arguments joined by a space. */
    Optional<String> effective(Directive location, String name) {
        return first(location.block(), name).or(() -> first(server, name));
    }

    /** proxy_set_header as nginx applies it: the location's own list if it has one, else the server level's. */
    Map<String, String> headers(Directive location) {
        Map<String, String> own = setHeaders(location.block());
        return own.isEmpty() ? setHeaders(server) : own;
    }

    Map<String, String> serverHeaders() {
        return setHeaders(server);
    }

    static String describe(Directive location) {
        return "location " + String.join(" ", location.args());
    }

    private static Map<String, String> setHeaders(List<Directive> directives) {
        Map<String, String> headers = new LinkedHashMap<>();
        directives.stream()
                .filter(d -> d.name().equals("proxy_set_header"))
                .forEach(d -> headers.put(
                        d.args().get(0), d.args().size() > 1 ? d.args().get(1) : ""));
        return headers;
    }

    private static Optional<String> first(List<Directive> directives, String name) {
        return directives.stream()
                .filter(d -> d.name().equals(name))
                .map(d -> String.join(" ", d.args()))
                .findFirst();
    }

    private static List<Directive> parse(List<String> tokens, int[] at) {
        List<Directive> list = new ArrayList<>();
        while (at[0] < tokens.size() && !tokens.get(at[0]).equals("}")) {
            String name = tokens.get(at[0]++);
            List<String> args = new ArrayList<>();
            while (!tokens.get(at[0]).equals(";") && !tokens.get(at[0]).equals("{")) args.add(tokens.get(at[0]++));
            if (tokens.get(at[0]++).equals("{")) {
                List<Directive> block = parse(tokens, at);
                if (at[0] >= tokens.size()) throw new AssertionError("routes.conf: unclosed block " + name);
                at[0]++; // the closing brace
                list.add(new Directive(name, args, block));
            } else {
                list.add(new Directive(name, args, List.of()));
            }
        }
        return list;
    }

    /** Words, quoted strings (quotes removed), and the ; { } punctuation; comments dropped. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == ';' || c == '{' || c == '}') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                tokens.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length()
                        && !Character.isWhitespace(text.charAt(i))
                        && ";{}".indexOf(text.charAt(i)) < 0) i++;
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }
}
