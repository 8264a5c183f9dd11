package eco2.common.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a test app (on port 0) before a test class's first test and closes it after the last, so a class states
 * which app it runs in one line:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningApp<MyTestApp> my = RunningApp.of(MyTestApp::start);
 * ...
 * my.get().http.get("/api/v1/users/me", ...);
 * }</pre>
 */
public final class RunningApp<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
    /** How to start the app; any exception fails the class's tests with it. */
    @FunctionalInterface
    public interface Starter<T> {
        T start() throws Exception;
    }

    private final Starter<T> starter;
    private T app;

    private RunningApp(Starter<T> starter) {
        this.starter = starter;
    }

    public static <T extends AutoCloseable> RunningApp<T> of(Starter<T> starter) {
        return new RunningApp<>(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app = starter.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        T started = app;
        app = null;
        if (started != null) started.close();
    }

    /** The running app; only between the class's first and last test. */
    public T get() {
        if (app == null) throw new IllegalStateException("the app runs only while the test class's tests do");
        return app;
    }
}
