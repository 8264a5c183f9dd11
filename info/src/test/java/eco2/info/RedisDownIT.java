package eco2.info;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.TcpProxy;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis is a cache here, never the source: with Redis gone every public read is answered from PostgreSQL, with the
 * same JSON the cache would have served.
 */
class RedisDownIT {
    static TcpProxy proxy;
    static InfoTestApp info;

    @BeforeAll
    static void start() throws Exception {
        URI redis = URI.create(TestServices.get().redisUri());
        proxy = new TcpProxy(redis.getHost(), redis.getPort());
        info = InfoTestApp.start(true, "redis://127.0.0.1:" + proxy.port() + redis.getPath());
    }

    @AfterAll
    static void stop() throws Exception {
        info.close();
        proxy.close();
    }

    @Test
    void everyReadAnswersTheSameWithRedisDown() throws Exception {
        String itemId = info.itemId("battery");
        String faqId = info.faqId("four-principles");
        List<String> reads = List.of(
                "/api/v1/recycle/categories",
                "/api/v1/recycle/items?size=5",
                "/api/v1/recycle/items/" + itemId,
                "/api/v1/recycle/rules/seoul",
                "/api/v1/recycle/rules/서울?district=강남");
        String search = TestHttp.json(Map.of("query", "페트", "limit", 5));
        List<String> up = reads.stream().map(path -> ok(info.http.get(path))).toList();
        String searchUp = ok(info.http.postJson("/api/v1/recycle/items/search", search));
        assertThat(info.infra.redis().get("recycle:item:" + itemId)).isNotNull(); // they were cached

        proxy.cut();
        try {
            List<String> down =
                    reads.stream().map(path -> ok(info.http.get(path))).toList();
            assertThat(down).isEqualTo(up);
            assertThat(ok(info.http.postJson("/api/v1/recycle/items/search", search)))
                    .isEqualTo(searchUp);
            assertThat(ok(info.http.get("/api/v1/recycle/faq/" + faqId))).contains("\"slug\":\"four-principles\"");
            assertThat(ok(info.http.get("/api/v1/recycle/faq?sort=popular"))).contains("\"total\":33");
            assertThat(ok(info.http.get("/api/v1/recycle/stats"))).contains("\"total_items\":148");
        } finally {
            proxy.restore();
        }
        assertThat(ok(info.http.get(reads.get(2)))).isEqualTo(up.get(2));
    }

    static String ok(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
