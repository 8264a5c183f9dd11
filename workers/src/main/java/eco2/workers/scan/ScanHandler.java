package eco2.workers.scan;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.Forbidden;
import eco2.common.error.Unavailable;
import eco2.common.http.PathIds;
import eco2.common.json.JsonBody;
import eco2.common.security.ApiTier;
import eco2.common.security.Authenticator;
import eco2.common.security.Identity;
import eco2.common.security.KeyPrincipal;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.UUID;

/** HTTP for scans: submit a phrase or photo, read a task. The progress stream is {@link ScanStreamHandler}. */
public final class ScanHandler {
    static final String BASE = "/api/v1/scan";

    private final ScanService scans;
    private final ScanView view;
    private final StreamTickets tickets;
    private final Authenticator auth;
    private final ScanForms forms;
    private final boolean visionAvailable;

    public ScanHandler(
            ScanService scans,
            ScanView view,
            StreamTickets tickets,
            Authenticator auth,
            JsonBody json,
            boolean visionAvailable) {
        this.scans = scans;
        this.view = view;
        this.tickets = tickets;
        this.auth = auth;
        this.forms = new ScanForms(json);
        this.visionAvailable = visionAvailable;
    }

    /**
     * {@code curl -XPOST localhost:8085/api/v1/scan -H "Authorization: Bearer $TOKEN" -H 'Content-Type:
     * application/json' -d '{"text":"페트병","region":"서울"}'}
     */
    @OpenApi(
            path = BASE,
            methods = HttpMethod.POST,
            versions = "workers",
            tags = "scan",
            operationId = "createScan",
            summary = "Start a scan",
            description = "Classify a piece of waste from a phrase (JSON) or a photo (multipart image, text, region); "
                    + "202 with the task to follow. Header Idempotency-Key (1-64 characters) makes retries safe. "
                    + "Scans made with an API key pay nothing and unlock nothing; photos need a pro key",
            security = @OpenApiSecurity(name = "BearerAuth"),
            headers = @OpenApiParam(name = "Idempotency-Key"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            description = "JSON for a phrase; multipart/form-data for a photo in field image "
                                    + "(PNG, JPEG or WebP, up to 5 MiB), with optional text and region fields",
                            content = {
                                @OpenApiContent(from = ScanRequest.class),
                                @OpenApiContent(
                                        type = "multipart/form-data",
                                        properties = {
                                            @OpenApiContentProperty(name = "image", type = "string", format = "binary"),
                                            @OpenApiContentProperty(name = "text", type = "string"),
                                            @OpenApiContentProperty(name = "region", type = "string")
                                        })
                            }),
            responses = {
                @OpenApiResponse(status = "202", content = @OpenApiContent(from = ScanAccepted.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "a photo with a free API key",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void submit(Context ctx) {
        Identity identity = auth.identify(ctx);
        Caller caller = Caller.of(identity);
        Submission scan = forms.read(ctx);
        if (scan.image() != null
                && identity instanceof KeyPrincipal key
                && !key.tier().includes(ApiTier.PRO)) {
            throw new Forbidden("Photo scans need a pro API key or higher");
        }
        if (scan.image() != null && !visionAvailable) {
            throw new Unavailable("Photo scans need a vision model: set LLM_BASE_URL and VISION_MODEL");
        }
        UUID taskId = scans.submit(caller, scan);
        String resultUrl = BASE + "/" + taskId;
        String streamUrl = resultUrl + "/events?ticket=" + tickets.issue(taskId, caller);
        ctx.header("Location", resultUrl)
                .status(202)
                .json(new ScanAccepted(taskId.toString(), "queued", streamUrl, resultUrl));
    }

    /** {@code curl localhost:8085/api/v1/scan/<task_id> -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE + "/{task_id}",
            methods = HttpMethod.GET,
            versions = "workers",
            tags = "scan",
            operationId = "getScan",
            summary = "Get a scan task",
            description = "A scan task: status, stage, progress, and the result once done or the error once failed",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "task_id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        Caller caller = Caller.of(auth.identify(ctx));
        ctx.json(view.full(scans.find(caller, taskId(ctx))));
    }

    static UUID taskId(Context ctx) {
        return PathIds.parse(ctx.pathParam("task_id"), "No such scan task");
    }
}
