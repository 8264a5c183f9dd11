package eco2.info.faq;

import java.util.List;

/** One page of GET /faq. */
public record FaqPage(List<Faq> items, long total, int page, int size) {}
