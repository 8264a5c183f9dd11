package eco2.workers.llm;

import eco2.common.config.Env;
import java.net.URI;
import java.time.Duration;

/**
 * The OpenAI-compatible provider, or none (offline mode, the dev default). Timeouts are API.md's: connect 5 s,
 * read 30 s for scan and 60 s for chat, up to 2 retries only before the first byte.
 */
public record LlmSettings(
        URI baseUrl,
        String apiKey,
        String model,
        String visionModel,
        Duration connectTimeout,
        Duration scanTimeout,
        Duration chatTimeout,
        int retries) {

    public static LlmSettings fromEnv(Env env) {
        String base = env.optional("LLM_BASE_URL");
        return new LlmSettings(
                base == null ? null : URI.create(base.endsWith("/") ? base : base + "/"),
                base == null ? null : env.secret("LLM_API_KEY", ""),
                env.get("LLM_MODEL", "gpt-4o-mini"),
                env.optional("VISION_MODEL"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(env.integer("LLM_SCAN_TIMEOUT_SECONDS", 30)),
                Duration.ofSeconds(env.integer("LLM_CHAT_TIMEOUT_SECONDS", 60)),
                2);
    }

    public static LlmSettings offline() {
        return new LlmSettings(
                null,
                null,
                "gpt-4o-mini",
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                2);
    }

    public boolean online() {
        return baseUrl != null;
    }

    public boolean visionAvailable() {
        return online() && visionModel != null;
    }

    /** What /ready reports: "offline" or the provider's host, never the key. */
    public String mode() {
        return online() ? baseUrl.getHost() : "offline";
    }
}
