package eco2.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usernames derived for provider accounts always satisfy the [a-z0-9_]{3,30} rule. */
class UsernamesTest {
    @Test
    void theEmailsLocalPartComesFirst() {
        assertThat(Usernames.base("Kim.Minji+eco@gmail.com", "Someone", "google"))
                .isEqualTo("kim_minji_eco");
    }

    @Test
    void aShortOrMissingEmailFallsBackToTheNameThenTheProvider() {
        assertThat(Usernames.base("ab@x.kr", "Eco Friend!", "kakao")).isEqualTo("eco_friend");
        assertThat(Usernames.base(null, "민지", "kakao")).isEqualTo("kakao_user");
        assertThat(Usernames.base(null, null, "google")).isEqualTo("google_user");
    }

    @Test
    void accentsAreFoldedAndLongNamesCutSoASuffixFits() {
        assertThat(Usernames.base(null, "José Müller", "google")).isEqualTo("jose_muller");
        String base = Usernames.base("a".repeat(60) + "@x.kr", null, "google");
        assertThat(base).hasSize(25).matches("[a-z0-9_]+");
        assertThat(base + "_1234").matches("[a-z0-9_]{3,30}");
    }
}
