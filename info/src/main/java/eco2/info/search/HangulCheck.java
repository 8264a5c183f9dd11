package eco2.info.search;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check that trigrams work for Korean here. pg_trgm only indexes characters the database's LC_CTYPE calls
 * letters; under a plain "C" ctype Hangul is not one, and search would quietly stop finding Korean words.
 */
public final class HangulCheck {
    private static final Logger log = LoggerFactory.getLogger(HangulCheck.class);

    private HangulCheck() {}

    /** Logs an error (the service still starts: English, exact and substring matches keep working). */
    public static boolean run(Jdbi jdbi) {
        boolean ok = jdbi.withExtension(SearchRepository.class, SearchRepository::hangulTrigrams) > 0;
        if (!ok) {
            log.error(
                    "this database does not treat Hangul as letters (LC_CTYPE is not a UTF-8 locale), so Korean search "
                            + "degrades to exact substrings; create the database with LC_CTYPE C.UTF-8 or ko_KR.UTF-8");
        }
        return ok;
    }
}
