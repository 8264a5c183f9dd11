package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Avatar uploads have their own bucket: 10 an hour per user; the 11th is a 429 and stores nothing. */
class AvatarRateLimitIT {
    @RegisterExtension
    static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::startWithLimits);

    @Test
    void theEleventhUploadInAnHourIs429AndStoresNothing() throws Exception {
        MyTestApp.User user = my.get().register();
        byte[] png = Avatars.image(64, 64, "png");
        for (int i = 1; i <= 10; i++) {
            TestHttp.Response r = Avatars.upload(my.get(), user, png);
            assertThat(r.status()).as("upload %d: %s", i, r.body()).isEqualTo(202);
            assertThat(r.header("RateLimit-Limit")).isEqualTo("10");
            assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
        }

        TestHttp.Response refused = Avatars.upload(my.get(), user, png);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("success").asBoolean()).isFalse();
        assertThat(refused.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.json().get("request_id").asText()).isNotBlank();
        // The bucket refills one upload every 6 minutes.
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 360L);
        assertThat(queuedUploads(user)).isEqualTo(10);

        MyTestApp.User other = my.get().register();
        assertThat(Avatars.upload(my.get(), other, png).status())
                .as("a bucket per user")
                .isEqualTo(202);
        assertThat(my.get().http.get("/api/v1/users/me", user.auth()).status())
                .as("only uploads are limited this tightly")
                .isEqualTo(200);
    }

    /** avatar.uploaded jobs written for this user: one per upload the service accepted. */
    private static long queuedUploads(MyTestApp.User user) {
        return my.get()
                .db
                .withHandle(h -> h.createQuery("SELECT count(*) FROM users.outbox WHERE type = 'avatar.uploaded' "
                                + "AND payload->'data'->>'user_id' = :id")
                        .bind("id", user.id())
                        .mapTo(Long.class)
                        .one());
    }
}
