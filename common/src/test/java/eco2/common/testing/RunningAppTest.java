package eco2.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningAppTest {
    private final List<String> events = new ArrayList<>();

    private AutoCloseable app(String name) {
        events.add("start " + name);
        return () -> events.add("close " + name);
    }

    @Test
    void startsBeforeTheClassAndClosesAfterIt() throws Exception {
        RunningApp<AutoCloseable> running = RunningApp.of(() -> app("a"));
        assertThatThrownBy(running::get).isInstanceOf(IllegalStateException.class);

        running.beforeAll(null);
        AutoCloseable started = running.get();
        assertThat(events).containsExactly("start a");

        running.afterAll(null);
        assertThat(events).containsExactly("start a", "close a");
        assertThatThrownBy(running::get).isInstanceOf(IllegalStateException.class);
        assertThat(started).isNotNull();
    }

    @Test
    void aFailedStartLeavesNothingToClose() throws Exception {
        RunningApp<AutoCloseable> running = RunningApp.of(() -> {
            throw new IllegalStateException("no database");
        });
        assertThatThrownBy(() -> running.beforeAll(null)).hasMessage("no database");
        running.afterAll(null);
        assertThat(events).isEmpty();
    }
}
