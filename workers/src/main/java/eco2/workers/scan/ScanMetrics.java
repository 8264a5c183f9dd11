package eco2.workers.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Scan outcomes for /metrics: tasks finished by status and error code, submit-to-end time, tasks in flight. */
public final class ScanMetrics {
    private final MeterRegistry registry;
    private final Timer duration;
    private final Clock clock;

    public ScanMetrics(MeterRegistry registry, Clock clock, Supplier<Number> inFlight, Supplier<Number> openStreams) {
        this.registry = registry;
        this.clock = clock;
        this.duration = Timer.builder("eco2_scan_duration")
                .description("from submission to done or failed")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        // Strong references: Micrometer holds a gauge's object weakly, and these suppliers have no other owner.
        Gauge.builder("eco2_scan_in_flight", inFlight, s -> s.get().doubleValue())
                .description("scan tasks this instance is working on")
                .strongReference(true)
                .register(registry);
        Gauge.builder("eco2_scan_streams_open", openStreams, s -> s.get().doubleValue())
                .description("scan event streams open on this instance")
                .strongReference(true)
                .register(registry);
    }

    public void finished(ScanTask task, String status, String errorCode) {
        Counter.builder("eco2_scan_tasks_finished")
                .description("scan tasks that ended, by status and error code")
                .tag("status", status)
                .tag("code", errorCode == null ? "none" : errorCode)
                .register(registry)
                .increment();
        duration.record(Duration.between(task.createdAt(), clock.instant()));
    }
}
