package eco2.common.ops;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.ErrorHandlers;
import eco2.common.error.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations endpoints every service serves: liveness, readiness, metrics and the OpenAPI document. */
public final class OpsRoutes {
    private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);
    static final String SPEC = "ops";

    private final List<ReadinessCheck> checks;
    private final Metrics metrics;
    private final String openApiJson;

    public OpsRoutes(List<ReadinessCheck> checks, Metrics metrics, String openApiJson) {
        this.checks = List.copyOf(checks);
        this.metrics = metrics;
        this.openApiJson = openApiJson;
    }

    public void register(Javalin app) {
        app.get("/health", this::health);
        app.get("/ready", this::ready);
        app.get("/metrics", this::metrics);
        app.get(ApiDocs.SPEC_PATH, this::openApi);
    }

    /** Readiness is part of the spec set every app merges. */
    public static String specName() {
        return SPEC;
    }

    /** Liveness: the process answers. {@code curl localhost:8081/health} */
    @OpenApi(
            path = "/health",
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "ops",
            operationId = "getHealth",
            summary = "Liveness",
            description = "200 while the process answers; no dependency is checked (that is /ready).",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Status.class)))
    public void health(Context ctx) {
        ctx.json(new Status("ok", Map.of()));
    }

    /** Readiness: every dependency answers; a 503 names the ones that do not. */
    @OpenApi(
            path = "/ready",
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "ops",
            operationId = "getReadiness",
            summary = "Readiness",
            description = "200 with each dependency's status when all of them answer; otherwise 503, whose envelope "
                    + "names the failing ones in errors.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Status.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void ready(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        List<FieldError> failures = new ArrayList<>();
        for (ReadinessCheck check : checks) {
            try {
                check.check();
                results.putIfAbsent(check.name(), check.status()); // several modules may check the same dependency
            } catch (Exception e) {
                log.warn("readiness check {} failed: {}", check.name(), e.toString());
                results.put(check.name(), "down");
                if (failures.stream().noneMatch(f -> f.field().equals(check.name()))) {
                    failures.add(new FieldError(check.name(), "not reachable"));
                }
            }
        }
        if (failures.isEmpty()) {
            ctx.json(new Status("ready", results));
        } else {
            String names =
                    String.join(", ", failures.stream().map(FieldError::field).toList());
            ErrorHandlers.write(ctx, 503, "unavailable", "Not ready: " + names, failures);
        }
    }

    /** Prometheus text format. */
    @OpenApi(
            path = "/metrics",
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "ops",
            operationId = "getMetrics",
            summary = "Prometheus metrics",
            description = "Request counts and latency by method, route template and status, plus JVM metrics, in the "
                    + "Prometheus text format.",
            responses =
                    @OpenApiResponse(
                            status = "200",
                            content = @OpenApiContent(from = String.class, type = "text/plain")))
    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** This document. */
    @OpenApi(
            path = ApiDocs.SPEC_PATH,
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "ops",
            operationId = "getOpenApi",
            summary = "OpenAPI document",
            description = "This OpenAPI 3 document; /docs (Swagger UI) and /redoc render it.",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Object.class)))
    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApiJson);
    }

    /** Health and readiness body. */
    public record Status(String status, Map<String, String> checks) {}
}
