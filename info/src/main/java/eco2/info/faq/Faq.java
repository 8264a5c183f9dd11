package eco2.info.faq;

import java.util.UUID;

/** A frequently asked question with its answer and counters: a row of faqs and what GET /faq/{id} returns. */
public record Faq(
        UUID id,
        String slug,
        String category,
        String question,
        String answer,
        int displayOrder,
        long viewCount,
        long helpfulCount) {}
