package org.peersupport.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void toStringNeverRevealsTheValue() {
        PersonalData name = PersonalData.of("head-1", "Canary Alderley");
        assertThat(name.toString()).doesNotContain("Canary").contains("head-1");
    }

    @Test
    void anErasedValueDisplaysAPlaceholder() {
        PersonalData erased = PersonalData.erased("head-1");
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.display()).isEqualTo(PersonalData.ERASED_PLACEHOLDER);
        assertThat(PersonalData.of("head-1", "x").isErased()).isFalse();
    }

    @Test
    void aValueMustNameItsSubject() {
        assertThatThrownBy(() -> PersonalData.of(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
