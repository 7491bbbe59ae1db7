package org.peersupport.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.peersupport.kernel.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Seals and opens {@link PersonalData} with its subject's key. Both codecs use it: the event
 * serializer (history and messages) and the read-model converters, so plaintext exists only in
 * memory.
 */
@Component
public class PersonalDataCipher {

    private final SubjectKeyStore keys;

    PersonalDataCipher(SubjectKeyStore keys) {
        this.keys = keys;
    }

    /**
     * Base64 of nonce and ciphertext; null (read back as erased) for a value already erased or a
     * subject who has been: their erasure holds for a copy still in memory too.
     */
    public String seal(PersonalData data) {
        if (data.isErased()) {
            return null;
        }
        Optional<SecretKey> key = keys.keyFor(data.subject());
        if (key.isEmpty()) {
            return null;
        }
        return Base64.getEncoder().encodeToString(
                Aes.encrypt(key.get(), data.value().getBytes(StandardCharsets.UTF_8), data.subject()));
    }

    /** The value, or {@link PersonalData#erased(String)} when the subject's key is gone. */
    public PersonalData open(String subject, String sealed) {
        if (sealed == null) {
            return PersonalData.erased(subject);
        }
        Optional<SecretKey> key = keys.find(subject);
        if (key.isEmpty()) {
            return PersonalData.erased(subject);
        }
        try {
            byte[] plain = Aes.decrypt(key.get(), Base64.getDecoder().decode(sealed), subject);
            return PersonalData.of(subject, new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return PersonalData.erased(subject);
        }
    }
}
