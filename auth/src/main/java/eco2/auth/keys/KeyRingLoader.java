package eco2.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the signing key from config (PEM). Without one (dev only; production refuses to start), a key pair is
 * generated once and kept in a file, so restarting the dev stack does not log everybody out.
 */
public final class KeyRingLoader {
    private static final Logger log = LoggerFactory.getLogger(KeyRingLoader.class);

    private KeyRingLoader() {}

    public static KeyRing load(String signingKeyPem, String previousPublicKeyPem, Path devKeyFile) {
        RSAPrivateCrtKey signing = signingKeyPem != null ? Pem.privateKey(signingKeyPem) : devKey(devKeyFile);
        return new KeyRing(signing, previousPublicKeyPem == null ? null : Pem.publicKey(previousPublicKeyPem));
    }

    private static RSAPrivateCrtKey devKey(Path file) {
        try {
            if (Files.exists(file)) return Pem.privateKey(Files.readString(file));
            RSAPrivateCrtKey key = generate();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Written aside, then moved into place: a crash never leaves a half-written key behind.
            Path partial = Files.createTempFile(dir, ".jwt-key", ".tmp", ownerOnly());
            Files.writeString(partial, Pem.encodePrivate(key));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("generated a dev JWT signing key at {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev JWT key at " + file, e);
        }
    }

    /** Owner-only from the first byte: the key is never readable by others, not even briefly. */
    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    public static RSAPrivateCrtKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
