package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What GET /scan/{task_id} and the stream's events show of a task: {@code {task_id, status, stage, progress}},
 * plus {@code result} once done or {@code error} once failed.
 */
public final class ScanView {
    private final ObjectMapper mapper;

    public ScanView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<String, Object> status(ScanTask task) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("task_id", task.id().toString());
        view.put("status", task.status());
        view.put("stage", task.stage());
        view.put("progress", task.progress());
        return view;
    }

    public Map<String, Object> full(ScanTask task) {
        Map<String, Object> view = status(task);
        if (task.status().equals("done")) view.put("result", json(task.result()));
        if (task.status().equals("failed")) {
            view.put("error", Map.of("code", task.errorCode(), "message", task.errorMessage()));
        }
        return view;
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
