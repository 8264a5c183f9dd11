package eco2.location.importer;

import eco2.common.error.BadRequest;
import eco2.common.error.ErrorEnvelope;
import eco2.common.error.Invalid;
import eco2.common.error.PayloadTooLarge;
import eco2.common.security.Authenticator;
import eco2.common.security.Roles;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.StringReader;
import java.util.Locale;

/** HTTP for admins loading public data; bigger files go through the CLI (ImportMain). */
public final class ImportHandler {
    private final ImportService imports;
    private final Authenticator auth;
    private final long maxBytes;

    public ImportHandler(ImportService imports, Authenticator auth, long maxBytes) {
        this.imports = imports;
        this.auth = auth;
        this.maxBytes = maxBytes;
    }

    /** {@code curl -XPOST .../api/v1/locations/admin/import/centers -H 'Content-Type: text/csv' --data-binary @keco.csv -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = "/api/v1/locations/admin/import/centers",
            methods = HttpMethod.POST,
            versions = "location",
            tags = "location",
            operationId = "importCenters",
            summary = "Import centres (KECO CSV)",
            description = "Import KECO 자원순환가게 CSV (positn* columns); upsert by positnSn. "
                    + "UTF-8 or MS949. Rows with impossible coordinates (not numbers, out of range, 0,0, outside South "
                    + "Korea) are rejected with their line and reason; the rest is upserted in one transaction.",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = @OpenApiContent(from = String.class, type = "text/csv")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ImportReport.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "not an admin",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "422",
                        description = "empty file or missing columns",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void centers(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        ctx.json(imports.importCenters(new StringReader(csv(ctx))));
    }

    /** {@code curl -XPOST '.../api/v1/locations/admin/import/bins?source=seoul-clothes' -H 'Content-Type: text/csv' --data-binary @bins.csv ...} */
    @OpenApi(
            path = "/api/v1/locations/admin/import/bins",
            methods = HttpMethod.POST,
            versions = "location",
            tags = "location",
            operationId = "importBins",
            summary = "Import bins (CSV)",
            description = "Import bins CSV: name,address,latitude,longitude,bin_type,region (+ optional source_id)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams =
                    @OpenApiParam(name = "source", description = "dataset name, default csv; ids are unique within it"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = @OpenApiContent(from = String.class, type = "text/csv")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ImportReport.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void bins(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        String source = ctx.queryParam("source");
        ctx.json(imports.importBins(new StringReader(csv(ctx)), source == null ? "csv" : source));
    }

    private String csv(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv"))
            throw new BadRequest("Content-Type must be text/csv");
        if (ctx.contentLength() > maxBytes) throw tooLarge();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) throw tooLarge();
        if (body.length == 0) throw Invalid.of("file", "is empty");
        return CsvText.decode(body);
    }

    private PayloadTooLarge tooLarge() {
        return new PayloadTooLarge(
                "CSV uploads are limited to " + maxBytes / 1024 + " KiB; use the import CLI for larger files");
    }
}
