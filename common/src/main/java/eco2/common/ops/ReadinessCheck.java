package eco2.common.ops;

/** One dependency that must answer before the service is ready; {@link #check()} throws when it does not. */
public interface ReadinessCheck {
    String name();

    void check() throws Exception;

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
