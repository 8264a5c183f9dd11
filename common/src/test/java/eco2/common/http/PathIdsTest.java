package eco2.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.error.NotFound;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path ids: one spelling per id; anything else is the caller's 404, with the message an unknown id gets. */
class PathIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e", "3F2B8C1E-4D5A-4B6C-8D7E-9F0A1B2C3D4E"})
    void aCanonicalUuidIsParsed(String raw) {
        assertThat(PathIds.parse(raw, "No such thing")).isEqualTo(UUID.fromString(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "1-1-1-1-1",
                "not-a-uuid",
                " 3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e",
                "3f2b8c1e4d5a4b6c8d7e9f0a1b2c3d4e"
            })
    void anythingElseIsNotFound(String raw) {
        assertThatThrownBy(() -> PathIds.parse(raw, "No such thing"))
                .isInstanceOf(NotFound.class)
                .hasMessage("No such thing");
    }
}
