package eco2.workers.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.util.List;

/**
 * The events a task's current state stands for. Ids follow the pipeline, so they are the same on every instance
 * and a client's {@code Last-Event-ID} means the same everywhere: status of queued 1 … reward 5, the final
 * status 6, the result 7.
 */
public final class ScanEventIds {
    private static final List<String> STAGES = List.of("queued", "vision", "rule", "answer", "reward");
    static final long FINAL_STATUS = 6;
    static final long RESULT = 7;

    private final ScanView view;
    private final ObjectMapper mapper;

    public ScanEventIds(ScanView view, ObjectMapper mapper) {
        this.view = view;
        this.mapper = mapper;
    }

    public List<SseEvent> of(ScanTask task) {
        if (!task.finished()) {
            return List.of(new SseEvent(STAGES.indexOf(task.stage()) + 1L, "status", json(view.status(task))));
        }
        return List.of(
                new SseEvent(FINAL_STATUS, "status", json(view.status(task))),
                new SseEvent(RESULT, "result", json(view.full(task))));
    }

    private String json(Object value) {
        return Json.write(mapper, value);
    }
}
