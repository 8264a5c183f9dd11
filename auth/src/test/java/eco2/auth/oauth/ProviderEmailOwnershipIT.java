package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.testing.EventTap;
import eco2.common.testing.MailTokens;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-hijack through a provider email nobody proved: such an email never becomes an account's email, and the
 * owner's first proof of the mailbox (reset or verification) drops provider links made without a verified email.
 */
class ProviderEmailOwnershipIT {
    static OAuthFakes fakes;
    static AuthTestApp auth;
    static EventTap mails;

    @BeforeAll
    static void start() throws Exception {
        fakes = OAuthFakes.start();
        auth = AuthTestApp.start(fakes.settings());
        mails = EventTap.bind(auth.config.amqp().exchange(), "notification.email");
    }

    @AfterAll
    static void stop() throws Exception {
        mails.close();
        auth.close();
        fakes.close();
    }

    @Test
    void anUnverifiedProviderEmailIsNotStoredAndTheOwnerCanStillRegisterIt() throws Exception {
        long kakaoId = KakaoSignInIT.KAKAO_IDS.incrementAndGet();
        String victim = "victim" + kakaoId + "@example.com";
        fakes.kakao.signInAs(kakaoId, victim, false, "attacker");

        JsonNode me = OAuthFakes.me(auth, OAuthFakes.signIn(auth, "kakao"));
        assertThat(me.get("email").isNull()).isTrue();
        assertThat(me.get("is_verified").asBoolean()).isFalse();
        assertThat(me.get("username").asText()).doesNotContain("victim");
        assertThat(accountsWithEmail(victim)).isZero();

        TestHttp.Response owner = auth.http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", victim, "username", TestUsers.uniqueName(), "password", "owner's pass")));
        assertThat(owner.status()).as(owner.body()).isEqualTo(201);
    }

    @Test
    void theOwnersPasswordResetDropsALegacyLinkMadeWithoutAVerifiedEmail() throws Exception {
        long kakaoId = KakaoSignInIT.KAKAO_IDS.incrementAndGet();
        String victim = "legacy" + kakaoId + "@example.com";
        // What the old code left behind: an account made from an unverified Kakao email, linked to the attacker.
        String accountId = seedLegacyAccount(victim, kakaoId);
        fakes.kakao.signInAs(kakaoId, victim, false, "attacker");
        assertThat(OAuthFakes.me(auth, OAuthFakes.signIn(auth, "kakao"))
                        .get("id")
                        .asText())
                .isEqualTo(accountId);

        assertThat(auth.http
                        .postJson("/api/v1/auth/reset-password/request", TestHttp.json(Map.of("email", victim)))
                        .status())
                .isEqualTo(202);
        String token = MailTokens.open(mailTo(victim));
        assertThat(auth.http
                        .postJson(
                                "/api/v1/auth/reset-password",
                                TestHttp.json(Map.of("token", token, "new_password", "owner's new pass")))
                        .status())
                .isEqualTo(204);

        assertThat(linksOf(kakaoId)).isZero();
        fakes.kakao.signInAs(kakaoId, victim, false, "attacker");
        TestHttp.Response again = OAuthFakes.signIn(auth, "kakao");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(TestUsers.login(auth.http, victim, "owner's new pass").status())
                .isEqualTo(200);
    }

    @Test
    void theFirstEmailVerificationDropsLinksMadeWithoutAVerifiedEmail() throws Exception {
        TestUsers.Session local = TestUsers.register(auth.http);
        long kakaoId = KakaoSignInIT.KAKAO_IDS.incrementAndGet();
        auth.db.useHandle(h -> h.createUpdate("INSERT INTO auth.social_accounts (provider, provider_user_id, user_id, "
                        + "email) VALUES ('kakao', :subject, CAST(:user AS uuid), :email)")
                .bind("subject", Long.toString(kakaoId))
                .bind("user", local.id())
                .bind("email", local.email())
                .execute());

        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email/request", "", local.auth())
                        .status())
                .isEqualTo(202);
        String token = MailTokens.open(mailTo(local.email()));
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)))
                        .status())
                .isEqualTo(200);

        assertThat(linksOf(kakaoId)).isZero();
    }

    private static String seedLegacyAccount(String email, long kakaoId) {
        String id = UUID.randomUUID().toString();
        auth.db.useHandle(h -> {
            h.createUpdate("INSERT INTO auth.users (id, email, username, is_verified) "
                            + "VALUES (CAST(:id AS uuid), :email, :username, false)")
                    .bind("id", id)
                    .bind("email", email)
                    .bind("username", TestUsers.uniqueName())
                    .execute();
            h.createUpdate("INSERT INTO auth.social_accounts (provider, provider_user_id, user_id, email) "
                            + "VALUES ('kakao', :subject, CAST(:id AS uuid), :email)")
                    .bind("subject", Long.toString(kakaoId))
                    .bind("id", id)
                    .bind("email", email)
                    .execute();
        });
        return id;
    }

    private static JsonNode mailTo(String email) throws Exception {
        return mails.next(e -> e.path("data").path("to").asText().equals(email)).get("data");
    }

    private static long accountsWithEmail(String email) {
        return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.users WHERE lower(email) = lower(:e)")
                .bind("e", email)
                .mapTo(Long.class)
                .one());
    }

    private static long linksOf(long kakaoId) {
        return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.social_accounts "
                        + "WHERE provider = 'kakao' AND provider_user_id = :subject")
                .bind("subject", Long.toString(kakaoId))
                .mapTo(Long.class)
                .one());
    }
}
