package eco2.common.testing;

import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (an event consumed, a row written) without fixed sleeps. */
public final class Await {
    private Await() {}

    public static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("condition not met within 15 s");
            Thread.sleep(25);
        }
    }
}
