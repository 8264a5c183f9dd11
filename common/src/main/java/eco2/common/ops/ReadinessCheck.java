package eco2.common.ops;

/** One dependency that must answer before the service is ready; {@link #check()} throws when it does not. */
public interface ReadinessCheck {
    String name();

    void check() throws Exception;

    /** What /ready shows for it when it passes. */
    default String status() {
        return "ok";
    }

    /** Not a dependency but a fact /ready reports, e.g. {@code "llm": "offline"}; it always passes. */
    static ReadinessCheck fact(String name, String value) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check() {}

            @Override
            public String status() {
                return value;
            }
        };
    }

    static ReadinessCheck of(String name, Probe probe) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check() throws Exception {
                probe.run();
            }
        };
    }

    /** A probe that may throw. */
    @FunctionalInterface
    interface Probe {
        void run() throws Exception;
    }
}
