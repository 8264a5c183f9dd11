package eco2.auth.apikeys;

import eco2.common.error.FieldErrors;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiIgnore;

/** Body of POST /api-keys/{id}/rotate: how long the old key keeps working (hours, 0-168, default 24). */
public record RotateRequest(Integer graceHours) implements Validated {
    static final int DEFAULT_GRACE_HOURS = 24;
    static final int MAX_GRACE_HOURS = 168;

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(
                graceHours != null && (graceHours < 0 || graceHours > MAX_GRACE_HOURS),
                "grace_hours",
                "must be 0-" + MAX_GRACE_HOURS);
    }

    @OpenApiIgnore // a helper, not a field: without this the spec advertises it and the server refuses it
    int hours() {
        return graceHours == null ? DEFAULT_GRACE_HOURS : graceHours;
    }
}
