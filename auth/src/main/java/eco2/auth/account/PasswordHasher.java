package eco2.auth.account;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import eco2.common.error.Unavailable;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): about 35 ms here. Unknown users are checked
 * against a dummy hash so that a login for them costs the same time as a wrong password.
 */
public final class PasswordHasher {
    private static final int ITERATIONS = 2;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PARALLELISM = 1;

    // Each hash takes 19 MiB off-heap: bound how many run at once so a login burst cannot exhaust memory.
    private final Semaphore slots =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), true);
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final String dummyHash = hash("not-a-real-password-" + System.nanoTime());

    public String hash(String password) {
        char[] chars = password.toCharArray();
        acquire();
        try {
            return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
        } finally {
            slots.release();
            Arrays.fill(chars, '\0');
        }
    }

    /** Verifies, or burns one equal-cost hash when there is no stored hash. */
    public boolean verify(String storedHash, String password) {
        char[] chars = password.toCharArray();
        acquire();
        try {
            boolean ok = argon2.verify(storedHash != null ? storedHash : dummyHash, chars);
            return storedHash != null && ok;
        } finally {
            slots.release();
            Arrays.fill(chars, '\0');
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(5, TimeUnit.SECONDS))
                throw new Unavailable("Too many sign-ins at once; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted");
        }
    }
}
