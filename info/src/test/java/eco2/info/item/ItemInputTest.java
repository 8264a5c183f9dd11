package eco2.info.item;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.error.FieldError;
import eco2.common.error.FieldErrors;
import eco2.common.error.Invalid;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemInputTest {
    static ItemInput valid() {
        return new ItemInput(
                null,
                "우산",
                "Umbrella",
                "general",
                null,
                "천과 살이 섞여 일반쓰레기로 버립니다.",
                List.of("종량제 봉투에 버립니다."),
                null,
                null,
                null,
                false,
                null);
    }

    static List<String> fields(ItemInput input) {
        FieldErrors errors = new FieldErrors();
        input.validate(errors);
        try {
            errors.throwIfAny();
            return List.of();
        } catch (Invalid e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void aMinimalItemIsValidAndItsAbsentListsBecomeEmpty() {
        assertThat(fields(valid())).isEmpty();
        ItemInput cleaned = valid().cleaned();
        assertThat(cleaned.doNotDo()).isEmpty();
        assertThat(cleaned.images()).isEmpty();
        assertThat(cleaned.searchKeywords()).isEmpty();
    }

    @Test
    void textIsTrimmedAndLimitsCountCharactersNotBytes() {
        ItemInput padded = new ItemInput(
                null, " 우산 ", null, "general", null, "가".repeat(2000), List.of(" 한 단계 "), null, null, null, true, null);
        assertThat(fields(padded)).isEmpty();
        assertThat(padded.cleaned().name()).isEqualTo("우산");
        assertThat(padded.cleaned().howToRecycle()).containsExactly("한 단계");
    }

    @Test
    void everyRuleNamesItsField() {
        ItemInput bad = new ItemInput(
                "Bad_Slug",
                "",
                "x".repeat(101),
                null,
                "y".repeat(51),
                null,
                List.of(),
                Collections.nCopies(11, "a"),
                List.of("\u0007"),
                List.of("ftp://example.com/a.png"),
                null,
                Collections.nCopies(21, "k"));
        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "slug",
                        "name",
                        "name_en",
                        "category",
                        "subcategory",
                        "description",
                        "how_to_recycle",
                        "do_not_do",
                        "tips",
                        "images",
                        "recyclable",
                        "search_keywords");
    }
}
