package eco2.workers.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The languages mail is written in. Korean is the default: the app's users are in Korea. */
public enum Language {
    KO(
            "ko",
            DateTimeFormatter.ofPattern("yyyy년 M월 d일 a h:mm (한국 시간)", Locale.KOREAN)
                    .withZone(ZoneId.of("Asia/Seoul"))),
    EN(
            "en",
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC));

    public final String code;
    private final DateTimeFormatter expiry;

    Language(String code, DateTimeFormatter expiry) {
        this.code = code;
        this.expiry = expiry;
    }

    /** "en", "en-US" or "en_GB" are English; null and anything unknown are Korean rather than an error. */
    public static Language of(String tag) {
        if (tag == null) return KO;
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.equals("en") ? EN : KO;
    }

    /** When a link stops working, in the reader's clock: Seoul time for Korean, UTC for English. */
    public String formatExpiry(Instant expiresAt) {
        return expiry.format(expiresAt);
    }
}
