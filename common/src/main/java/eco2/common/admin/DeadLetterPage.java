package eco2.common.admin;

import java.util.List;

/** The first messages of one dead-letter queue, oldest first, and how many it holds in all. */
public record DeadLetterPage(String queue, long depth, List<DeadLetter> messages) {}
