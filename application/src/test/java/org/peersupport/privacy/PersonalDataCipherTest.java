package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.kernel.PersonalData;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;

@PeerSupportTest
class PersonalDataCipherTest {

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    SubjectKeyStore keys;

    private final String subject = "subject-cipher-" + System.nanoTime();

    @Test
    void aValueReadFromStorageIsWrittenBackInTheSealedFormItWasReadFrom() {
        String stored = cipher.seal(PersonalData.of(subject, "Invented Name"));
        PersonalData opened = cipher.open(subject, stored);

        assertThat(opened.value()).isEqualTo("Invented Name");
        assertThat(cipher.seal(opened)).isEqualTo(stored);
    }

    @Test
    void anEqualValueMadeAfreshIsSealedWithAFreshNonce() {
        String first = cipher.seal(PersonalData.of(subject, "Invented Name"));
        String second = cipher.seal(PersonalData.of(subject, "Invented Name"));

        assertThat(second).isNotEqualTo(first);
        assertThat(cipher.open(subject, second).value()).isEqualTo("Invented Name");
    }

    @Test
    void aReusedSealedFormIsAsUnreadableAsEveryOtherCopyOnceTheSubjectIsErased() {
        PersonalData opened = cipher.open(subject, cipher.seal(PersonalData.of(subject, "Invented Name")));

        keys.shred(subject);

        assertThat(cipher.open(subject, cipher.seal(opened)).isErased()).isTrue();
    }
}
