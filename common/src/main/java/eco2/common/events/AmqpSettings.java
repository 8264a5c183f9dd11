package eco2.common.events;

import eco2.common.config.Env;

/** Where the broker is and which topic exchange carries the events (another one only for isolated test runs). */
public record AmqpSettings(String url, String exchange) {
    public static final String EXCHANGE = "eco2.events";

    public static AmqpSettings fromEnv(Env env) {
        return new AmqpSettings(
                env.secret("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F"), env.get("AMQP_EXCHANGE", EXCHANGE));
    }
}
