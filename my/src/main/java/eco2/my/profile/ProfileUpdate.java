package eco2.my.profile;

import eco2.common.error.FieldErrors;
import eco2.common.json.MultiLine;
import eco2.common.json.Validated;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;

/** Body of PATCH /me: only these two fields; anything else (points, level, ...) is refused as unknown. */
public record ProfileUpdate(
        @OpenApiDescription("2-20 characters, one line; trimmed. Optional: null is the same as leaving it out")
        String nickname,

        @MultiLine
        @OpenApiDescription(
                "Up to 300 characters; tabs and newlines allowed. Optional: null is the same as leaving it out")
        String bio)
        implements Validated {
    /** The nickname as stored: trimmed. */
    @OpenApiIgnore
    public String trimmedNickname() {
        return nickname == null ? null : nickname.trim();
    }

    @Override
    @OpenApiIgnore
    public void validate(FieldErrors errors) {
        errors.check(nickname == null && bio == null, "nickname", "give nickname, bio or both");
        if (nickname != null) {
            String trimmed = nickname.trim();
            int length = trimmed.codePointCount(0, trimmed.length());
            errors.check(length < 2 || length > 20, "nickname", "must be 2-20 characters");
            errors.check(
                    trimmed.codePoints().anyMatch(Character::isISOControl),
                    "nickname",
                    "must not contain control characters");
        }
        if (bio != null)
            errors.check(bio.codePointCount(0, bio.length()) > 300, "bio", "must be at most 300 characters");
    }
}
