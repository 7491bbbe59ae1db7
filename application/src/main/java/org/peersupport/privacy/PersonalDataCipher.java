package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * <p>A value read from storage and written again unchanged (an event's name copied into a read
 * model, a document rewritten for another field) keeps the sealed form it was read from, by
 * identity: sealing was a quarter of a read model's write (the benchmark's profile). Reusing it is
 * safe: the same value under the same key and subject, and once the subject is erased it is as
 * unreadable as every other copy.
 */
@Component
public class PersonalDataCipher {

    private final SubjectKeyStore keys;
    /** Values in memory (by identity, held weakly) and the sealed form each was read from or written as. */
    private final Cache<PersonalData, String> sealedForms = Caffeine.newBuilder()
            .weakKeys().maximumSize(50_000).build();

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
        String known = sealedForms.getIfPresent(data);
        if (known != null) {
            return known;
        }
        Optional<SecretKey> key = keys.keyFor(data.subject());
        if (key.isEmpty()) {
            return null;
        }
        String sealed = Base64.getEncoder().encodeToString(
                Aes.encrypt(key.get(), data.value().getBytes(StandardCharsets.UTF_8), data.subject()));
        sealedForms.put(data, sealed);
        return sealed;
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
            PersonalData opened = PersonalData.of(subject, new String(plain, StandardCharsets.UTF_8));
            sealedForms.put(opened, sealed);
            return opened;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return PersonalData.erased(subject);
        }
    }
}
