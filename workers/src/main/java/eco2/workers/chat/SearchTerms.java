package eco2.workers.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a question worth looking up in the guide: punctuation, Korean particles and endings, and question
 * words are dropped, so 「치킨 뼈는 음식물이야?」 gives 치킨 뼈, 치킨, 뼈, 음식물.
 */
final class SearchTerms {
    private static final List<String> ENDINGS = List.of(
            "인가요", "이에요", "이야", "이죠", "예요", "에서", "으로", "은요", "는요", "이랑", "하고", "은", "는", "이", "가", "을", "를", "도", "에",
            "로", "야", "요", "랑", "의");
    private static final Set<String> STOP = Set.of(
            "어떻게", "어디에", "어디", "뭐야", "뭐예요", "무엇", "그럼", "그러면", "근데", "혹시", "버려", "버려요", "버리나요", "버리면", "버릴", "버리는",
            "돼", "되나요", "돼요", "할까", "해야", "하나요", "분리수거", "분리배출", "재활용", "쓰레기", "있어", "있어요", "있나요", "알려줘", "좀", "how",
            "do", "i", "you", "the", "a", "an", "is", "it", "are", "can", "should", "where", "what", "about", "recycle",
            "throw", "away", "dispose", "of", "my", "this", "these", "to", "in", "and", "or", "with", "which", "bin");

    private SearchTerms() {}

    static List<String> of(String question) {
        String cleaned = question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ");
        List<String> words = new ArrayList<>();
        for (String raw : cleaned.trim().split("\\s+")) {
            String word = stripEnding(raw);
            if (word.isEmpty() || STOP.contains(word) || STOP.contains(raw)) continue;
            words.add(word);
            if (!word.equals(raw)) words.add(raw); // 종이 is not 종 + 이: keep the word as written too
        }
        Set<String> terms = new LinkedHashSet<>();
        List<String> stems = words.stream().filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i + 1 < stems.size(); i++) terms.add(stems.get(i) + " " + stems.get(i + 1));
        terms.addAll(words);
        return List.copyOf(terms);
    }

    private static String stripEnding(String word) {
        if (word.length() < 2 || !ChatText.korean(word)) return word;
        for (String ending : ENDINGS) {
            if (word.length() > ending.length() && word.endsWith(ending))
                return word.substring(0, word.length() - ending.length());
        }
        return word;
    }
}
