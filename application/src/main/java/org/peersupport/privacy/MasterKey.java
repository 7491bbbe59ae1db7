package org.peersupport.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that wraps every subject's key, so the key store alone reveals nothing. Production gives
 * it in configuration ({@code PEERSUPPORT_PRIVACY_MASTER_KEY}, base64 of 32 bytes); the embedded
 * default generates one into a file beside its data on first start.
 */
@Component
class MasterKey {

    private final SecretKey key;

    MasterKey(@Value("${peersupport.privacy.master-key:}") String configured,
              @Value("${peersupport.privacy.master-key-file:}") String file) {
        this.key = new SecretKeySpec(resolve(configured, file), "AES");
    }

    SecretKey key() {
        return key;
    }

    private static byte[] resolve(String configured, String file) {
        if (!configured.isBlank()) {
            return decode(configured);
        }
        if (file.isBlank()) {
            throw new IllegalStateException("Set peersupport.privacy.master-key (base64, 32 bytes)");
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return decode(Files.readString(path).trim());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, Base64.getEncoder().encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key must be 32 bytes");
        }
        return bytes;
    }
}
