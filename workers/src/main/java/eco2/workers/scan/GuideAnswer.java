package eco2.workers.scan;

import eco2.workers.upstream.InfoClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Offline answers, composed from the guide's own sentences: the category, the disposal steps, what not to do and
 * the region's rule. When the guide has nothing for the input it says so instead of inventing a rule.
 */
public final class GuideAnswer implements AnswerWriter {
    private final InfoClient info;

    public GuideAnswer(InfoClient info) {
        this.info = info;
    }

    @Override
    public CompletableFuture<String> write(ScanInput input, Classification seen, ScanFacts facts) {
        return info.categories().thenApply(names -> compose(input, seen, facts, names));
    }

    static String compose(ScanInput input, Classification seen, ScanFacts facts, Map<String, String> categories) {
        if (facts.category() == null) {
            String asked = input.text() == null ? "이 사진" : "'" + input.text() + "'";
            return "분리배출 안내서에서 " + asked + "에 맞는 품목을 찾지 못했어요. " + "다른 이름으로 다시 입력하거나 사진으로 스캔해 보세요.";
        }
        StringBuilder answer = new StringBuilder();
        String category = categories.getOrDefault(facts.category(), facts.category());
        String subject = facts.itemName() == null ? "이 품목" : facts.itemName();
        answer.append(Korean.topic(subject))
                .append(' ')
                .append(Korean.direction(category))
                .append(" 분류돼요.");
        if (!facts.howToRecycle().isEmpty()) answer.append(" 이렇게 버려 주세요: ").append(numbered(facts.howToRecycle()));
        if (!facts.doNotDo().isEmpty()) answer.append(" 하지 말아 주세요: ").append(String.join(" / ", facts.doNotDo()));
        if (!seen.identified()) answer.append(" 안내서에서 정확한 품목은 찾지 못했어요.");
        if (facts.regionRule() != null) {
            answer.append(" ").append(facts.regionName()).append(" 기준: ").append(facts.regionRule());
        }
        return answer.toString();
    }

    private static String numbered(List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) out.append(' ');
            out.append(i + 1).append(") ").append(steps.get(i));
        }
        return out.toString();
    }
}
