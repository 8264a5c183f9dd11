package eco2.common.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The process-wide Prometheus registry: JVM metrics plus request counts and latency by route template. */
public final class Metrics {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public static Metrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new Metrics(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Records one request under its route template, so /users/42 and /users/43 share a series. */
    public void recordRequest(Context ctx, float millis) {
        String route = routeOf(ctx);
        String method = ctx.method().name();
        String status = Integer.toString(ctx.statusCode());
        String key = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(
                        key,
                        k -> Timer.builder("http_server_requests")
                                .description("HTTP requests by method, route template and status")
                                .tags("method", method, "route", route, "status", status)
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    private static String routeOf(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() || "*".equals(path) ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched"; // no endpoint matched (404) or the request failed before routing
        }
    }
}
