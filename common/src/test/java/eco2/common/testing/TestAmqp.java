package eco2.common.testing;

import eco2.common.embedded.EmbeddedAmqpBroker;

/** The AMQP broker the tests use: TEST_AMQP_URL, else RabbitMQ on 127.0.0.1:5672, else an embedded Qpid broker. */
final class TestAmqp {

    private static final String URL_ENV = "TEST_AMQP_URL";
    private static final String DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672/%2F";

    private final String uri;
    private final String description;
    private final EmbeddedAmqpBroker embedded;

    private TestAmqp(String uri, String description, EmbeddedAmqpBroker embedded) {
        this.uri = uri;
        this.description = description;
        this.embedded = embedded;
    }

    static TestAmqp locate(boolean forceEmbedded) throws Exception {
        String url = TestEnv.getOrDefault(URL_ENV, DEFAULT_URL);
        String origin = TestEnv.origin(URL_ENV);
        if (!forceEmbedded && ServiceProbe.amqp(url)) {
            return new TestAmqp(url, origin + " " + TestEnv.redact(url), null);
        }
        EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start();
        String why = forceEmbedded ? "forced" : origin + " " + TestEnv.redact(url) + " did not answer";
        return new TestAmqp(
                broker.uri(), "embedded Qpid Broker-J at " + TestEnv.redact(broker.uri()) + " (" + why + ")", broker);
    }

    String uri() {
        return uri;
    }

    String description() {
        return description;
    }

    EmbeddedAmqpBroker embedded() {
        return embedded;
    }
}
