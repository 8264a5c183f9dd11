package eco2.common.http;

import eco2.common.ops.ReadinessCheck;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How a service process ends. On SIGTERM (or SIGINT): /ready turns 503 so the load balancer stops sending
 * work; event consumers stop taking messages and finish the one in hand; Jetty stops accepting connections and
 * waits for in-flight requests; modules close (the outbox relay flushes what those requests wrote); the process
 * exits 0. The whole stop is bounded by the grace period; a stop that hangs past it halts with status 1.
 */
public final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<AutoCloseable> afterwards = new ArrayList<>();
    private Javalin app;
    private List<ServiceModule> modules = List.of();
    private Duration grace = Duration.ofSeconds(20);

    /** 503 from /ready as soon as a stop begins. */
    public ReadinessCheck readiness() {
        return ReadinessCheck.of("lifecycle", () -> {
            if (stopping.get()) throw new IllegalStateException("shutting down");
        });
    }

    /** Called by {@link HttpApp#create}: what a stop has to quiesce and stop. */
    void manage(Javalin app, List<ServiceModule> modules, Duration grace) {
        this.app = app;
        this.modules = List.copyOf(modules);
        this.grace = grace;
    }

    /** Closed after the app, in order (Redis pools, embedded servers). */
    public Lifecycle closeAfterwards(AutoCloseable resource) {
        afterwards.add(resource);
        return this;
    }

    /** Installs the SIGTERM and SIGINT handlers: a graceful stop, then exit status 0. */
    public void stopOnSignals() {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(
                    new Signal(name),
                    signal -> new Thread(
                                    () -> {
                                        log.info("SIG{} received: stopping within {} s", name, grace.toSeconds());
                                        stop();
                                        System.exit(0);
                                    },
                                    "graceful-stop")
                            .start());
        }
    }

    /**
     * Starts the app, or ends the process with status 1 when it cannot (the port is taken): the relay, consumer and
     * pool threads already running would otherwise keep a process alive that serves nothing.
     */
    public Javalin start(Javalin app, int port) {
        try {
            return app.start(port);
        } catch (Exception e) { // Javalin (Kotlin) also throws checked exceptions it does not declare
            log.error("could not start on port {}; exiting", port, e);
            Runtime.getRuntime().halt(1); // nothing was served: no request or message to finish
            throw new IllegalStateException(e);
        }
    }

    /** The graceful stop; runs once, later calls return at once. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) return;
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(grace.plusSeconds(10).toMillis());
                        log.error("graceful stop took longer than the grace period; halting");
                        Runtime.getRuntime().halt(1);
                    } catch (InterruptedException done) {
                        // the stop finished in time
                    }
                },
                "graceful-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Instant deadline = Instant.now().plus(grace);
        modules.forEach(module -> module.quiesce(deadline));
        if (app != null) app.stop(); // Jetty: connectors close, in-flight requests finish; then modules close
        for (AutoCloseable resource : afterwards) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        watchdog.interrupt();
        log.info("stopped");
    }
}
