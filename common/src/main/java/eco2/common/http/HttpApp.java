package eco2.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.ErrorHandlers;
import eco2.common.ops.ApiDocs;
import eco2.common.ops.OpsRoutes;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.ApiKeyGate;
import eco2.common.ratelimit.RateLimitFilter;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.security.ApiKeyLookup;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;

/**
 * Creates a Javalin app with all the plumbing mounted (errors, request ids, logs, metrics, security
 * headers, CORS, rate limits, health, docs); the modules add only their routes. Not started.
 */
public final class HttpApp {
    /** Javalin's own cap: the largest body any route takes (an image upload). JSON is capped lower in JsonBody. */
    static final long MAX_REQUEST_BYTES = 5 * HttpSettings.ONE_MIB + 64 * 1024;

    private HttpApp() {}

    /** The OpenAPI document an app of these modules serves at {@link ApiDocs#SPEC_PATH}. */
    public static String openApi(String title, ObjectMapper mapper, List<ServiceModule> modules) {
        List<String> specs = Stream.concat(
                        Stream.of(OpsRoutes.specName()), modules.stream().map(ServiceModule::name))
                .toList();
        List<ApiDocs.Mount> mounts =
                modules.stream().flatMap(m -> m.docMounts().stream()).toList();
        List<KeyRoute> keyRoutes =
                modules.stream().flatMap(m -> m.keyRoutes().stream()).toList();
        Map<String, String> tags = new LinkedHashMap<>();
        modules.forEach(m -> tags.putAll(m.docTags()));
        return ApiDocs.merged(mapper, title, specs, mounts, keyRoutes, tags);
    }

    public static Javalin create(String title, HttpSettings http, Infra infra, List<ServiceModule> modules) {
        ClientIp clientIp = new ClientIp(http.trustedProxies());
        List<RateLimitRule> limits =
                modules.stream().flatMap(m -> m.rateLimits().stream()).toList();
        List<Prefetch> prefetches =
                modules.stream().flatMap(m -> m.prefetches().stream()).toList();
        List<KeyRoute> keyRoutes =
                modules.stream().flatMap(m -> m.keyRoutes().stream()).toList();
        ApiKeyLookup keyLookup = modules.stream()
                .flatMap(m -> m.apiKeyLookup().stream())
                .findFirst()
                .orElse(infra.apiKeyLookup());
        ApiKeyGate keyGate = new ApiKeyGate(
                infra.tokenBucket(),
                keyLookup,
                infra.authenticator(),
                keyRoutes,
                infra.rateLimits().enabled(),
                infra.clock(),
                infra.metrics().registry());
        RateLimitFilter rateLimiter = new RateLimitFilter(
                infra.tokenBucket(), infra.authenticator(), infra.rateLimits(), limits, prefetches, keyGate);
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(infra.lifecycle().readiness());
        checks.add(infra.redisReadiness());
        modules.forEach(m -> checks.addAll(m.readiness()));
        OpsRoutes ops = new OpsRoutes(checks, infra.metrics(), openApi(title, infra.mapper(), modules));

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Handlers block on PostgreSQL and Redis; a bounded pool keeps context switching in check under load.
            config.jetty.threadPool = new QueuedThreadPool(http.maxThreads(), Math.min(8, http.maxThreads()), 60_000);
            config.jsonMapper(new JavalinJackson(infra.mapper(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
            config.http.prefer405over404 = true;
            // Jetty caches header values per connection; every request's Authorization differs, so the cache only
            // churns.
            config.jetty.modifyHttpConfiguration(httpConfig -> httpConfig.setHeaderCacheSize(0));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors(infra.mapper()));
                // Graceful stop: connectors close first, then Jetty waits (up to the grace) for the requests it counts.
                server.setHandler(new StatisticsHandler());
                server.setStopTimeout(http.shutdownGrace().toMillis());
            });
            config.router.ignoreTrailingSlashes = true;
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                http.corsOrigins().forEach(rule::allowHost);
                rule.exposeHeader(RequestIds.HEADER);
                rule.exposeHeader("RateLimit-Limit");
                rule.exposeHeader("RateLimit-Remaining");
                rule.exposeHeader("RateLimit-Reset");
                rule.exposeHeader("Retry-After");
                rule.exposeHeader("X-Quota-Limit");
                rule.exposeHeader("X-Quota-Remaining");
                rule.exposeHeader("X-Quota-Reset");
            }));
            config.requestLogger.http((ctx, millis) -> {
                infra.metrics().recordRequest(ctx, millis);
                AccessLog.write(ctx, millis);
            });
            ApiDocs.plugins(config);
            config.events.serverStopped(() -> modules.forEach(ServiceModule::close));
        });
        app.before(ctx -> {
            RequestIds.assign(ctx);
            clientIp.assign(ctx);
            MDC.put("client_ip", ClientIp.of(ctx));
            SecurityHeaders.apply(ctx);
        });
        app.before(rateLimiter::handle);
        RequestText text = new RequestText(
                modules.stream().flatMap(m -> m.multiLineForms().stream()).toList());
        app.beforeMatched(text::check);
        ErrorHandlers.register(app);
        ops.register(app);
        modules.forEach(m -> m.routes(app));
        infra.lifecycle().manage(app, modules, http.shutdownGrace());
        return app;
    }
}
