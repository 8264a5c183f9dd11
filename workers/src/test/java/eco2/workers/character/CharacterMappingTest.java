package eco2.workers.character;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The character migration against info's own content (on the test classpath): every recyclable item's
 * subcategory maps to at most one character, the mapping names only known characters, and each of the twelve
 * non-default characters can be unlocked by some item of the guide.
 */
class CharacterMappingTest {
    static final List<String> CATEGORIES =
            List.of("plastic", "paper", "metal", "glass", "general", "food", "large", "electronic", "hazardous");
    static final Pattern PAIR = Pattern.compile("\\('([^']+)', '([a-z]+)'\\)");
    static final Pattern CHARACTER = Pattern.compile("^\\('([a-z]+)',\\s+'([^']+)'", Pattern.MULTILINE);

    static String migration() throws IOException {
        try (InputStream in =
                CharacterMappingTest.class.getResourceAsStream("/db/migration/character/V1__characters.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRecyclableItemMapsToAtMostOneCharacterAndEveryCharacterIsReachable() throws IOException {
        String sql = migration();
        Set<String> characters = new HashSet<>();
        Matcher c = CHARACTER.matcher(sql.substring(sql.indexOf("INSERT INTO characters")));
        while (c.find()) characters.add(c.group(1));
        assertThat(characters).hasSize(13);

        String mappingSql = sql.substring(sql.indexOf("INSERT INTO subcategory_characters"));
        Map<String, List<String>> bySubcategory = new HashMap<>();
        Matcher m = PAIR.matcher(mappingSql);
        while (m.find()) {
            bySubcategory
                    .computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>())
                    .add(m.group(2));
        }
        assertThat(bySubcategory.values()).allSatisfy(codes -> assertThat(codes).hasSize(1));
        assertThat(bySubcategory.values().stream().map(codes -> codes.get(0))).allMatch(characters::contains);

        Set<String> reached = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        int recyclable = 0;
        for (String category : CATEGORIES) {
            try (InputStream in = getClass().getResourceAsStream("/content/items/" + category + ".json")) {
                assertThat(in).as(category).isNotNull();
                for (JsonNode item : json.readTree(in)) {
                    if (!item.path("recyclable").asBoolean()) continue;
                    recyclable++;
                    List<String> codes =
                            bySubcategory.getOrDefault(item.path("subcategory").asText(), List.of());
                    assertThat(codes).as(item.path("name").asText()).hasSizeLessThanOrEqualTo(1);
                    reached.addAll(codes);
                }
            }
        }
        assertThat(recyclable).isGreaterThan(50);
        Set<String> unlockable = new HashSet<>(characters);
        unlockable.remove("eco");
        assertThat(reached).containsExactlyInAnyOrderElementsOf(unlockable);
    }
}
