package eco2.info.content;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the content files from the classpath: categories.json, items/{category}.json for each category, faqs.json
 * and regional_rules.json.
 */
public final class ContentFiles {
    static final String ROOT = "content/";

    private ContentFiles() {}

    public static Content read(ObjectMapper mapper) {
        MessageDigest digest = sha256();
        List<Content.Category> categories = parse(mapper, digest, "categories.json", new TypeReference<>() {});
        List<Content.Item> items = new ArrayList<>();
        for (Content.Category category : categories) {
            String file = "items/" + category.key() + ".json";
            items.addAll(parse(mapper, digest, file, new TypeReference<List<Content.Item>>() {}));
        }
        List<Content.Faq> faqs = parse(mapper, digest, "faqs.json", new TypeReference<>() {});
        List<Content.Region> regions = parse(mapper, digest, "regional_rules.json", new TypeReference<>() {});
        return new Content(categories, items, faqs, regions, HexFormat.of().formatHex(digest.digest()));
    }

    /** A stable fingerprint of one entry, so the loader can tell which entries changed. */
    static String fingerprint(ObjectMapper mapper, Object entry) {
        return HexFormat.of().formatHex(sha256().digest(Json.writeBytes(mapper, entry)));
    }

    private static <T> T parse(ObjectMapper mapper, MessageDigest digest, String file, TypeReference<T> type) {
        String path = ROOT + file;
        try (InputStream in = ContentFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("content file missing from the classpath: " + path);
            byte[] bytes = in.readAllBytes();
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("content file " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
