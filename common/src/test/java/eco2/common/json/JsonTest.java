package eco2.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one JSON writer: the shared configuration's text, and an unchecked exception for what cannot be written. */
class JsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    record Sample(String userName, Instant at, String note) {}

    /** Jackson refuses a bean with no properties. */
    static final class Opaque {}

    @Test
    void writesCompactSnakeCaseWithIsoTimesAndNulls() {
        Sample sample = new Sample("누리", Instant.parse("2024-05-01T09:00:00Z"), null);
        String expected = "{\"user_name\":\"누리\",\"at\":\"2024-05-01T09:00:00Z\",\"note\":null}";

        assertThat(Json.write(mapper, sample)).isEqualTo(expected);
        assertThat(Json.writeBytes(mapper, sample)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(Json.read(mapper, expected, Sample.class)).isEqualTo(sample);
    }

    @Test
    void whatCannotBeWrittenOrReadIsAnUncheckedIoException() {
        assertThatThrownBy(() -> Json.write(mapper, new Opaque())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.writeBytes(mapper, new Opaque())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read(mapper, "{\"user_name\":", Sample.class))
                .isInstanceOf(UncheckedIOException.class);
    }
}
