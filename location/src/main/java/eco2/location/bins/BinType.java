package eco2.location.bins;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a bin takes. Imports also accept the Korean names public datasets use (의류수거함 → clothes, ...). */
public enum BinType {
    PLASTIC("플라스틱", "페트"),
    PAPER("종이", "폐지"),
    GLASS("유리", "유리병"),
    METAL("금속", "캔", "고철"),
    GENERAL("일반", "일반쓰레기", "종량제"),
    CLOTHES("의류", "의류수거함", "헌옷"),
    BATTERY("건전지", "폐건전지", "배터리");

    private static final Map<String, BinType> BY_NAME = byName();
    public static final String ALLOWED =
            Arrays.stream(values()).map(BinType::wire).collect(Collectors.joining(", "));

    private final String[] aliases;

    BinType(String... aliases) {
        this.aliases = aliases;
    }

    /** The API and database spelling: lower-case English. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exactly an API value ({@code plastic}, ...), as query parameters must be. */
    public static Optional<BinType> fromWire(String text) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(text)).findFirst();
    }

    /** An API value in any case, or a Korean alias, as imported files may say. */
    public static Optional<BinType> fromImport(String text) {
        if (text == null) return Optional.empty();
        return Optional.ofNullable(BY_NAME.get(text.trim().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, BinType> byName() {
        Map<String, BinType> names = new HashMap<>();
        for (BinType type : values()) {
            names.put(type.wire(), type);
            for (String alias : type.aliases) names.put(alias, type);
        }
        return Map.copyOf(names);
    }
}
