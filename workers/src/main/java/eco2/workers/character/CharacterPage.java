package eco2.workers.character;

import java.util.List;

/** GET /characters: the catalogue page, in the catalogue shape of API.md. */
public record CharacterPage(List<Character> items, int total, int page, int size) {}
