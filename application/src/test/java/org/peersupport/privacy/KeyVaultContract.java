package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.privacy.KeyVault.Entry;

/** What every place subject keys are kept must do: the embedded default's file and production's MongoDB alike. */
public abstract class KeyVaultContract {

    /** A vault holding nothing yet. */
    protected abstract KeyVault vault();

    @Test
    void aNewKeyIsHeldAndASecondKeyForTheSameSubjectIsNotTaken() {
        KeyVault vault = vault();
        assertThat(vault.get("head:a")).isEqualTo(Entry.NOTHING);
        assertThat(vault.putIfAbsent("head:a", "first")).isEqualTo(Entry.key("first"));
        assertThat(vault.putIfAbsent("head:a", "second")).as("the race's loser gets the winner's key")
                .isEqualTo(Entry.key("first"));
        assertThat(vault.get("head:a")).isEqualTo(Entry.key("first"));
        assertThat(vault.get("head:b")).isEqualTo(Entry.NOTHING);
    }

    @Test
    void aTombstoneReplacesTheKeyForGoodAndSaysWhetherThereWasOne() {
        KeyVault vault = vault();
        vault.putIfAbsent("head:a", "wrapped");
        assertThat(vault.tombstone("head:a")).isTrue();
        assertThat(vault.get("head:a")).isEqualTo(Entry.TOMBSTONE);
        assertThat(vault.putIfAbsent("head:a", "fresh")).as("no new key after erasure").isEqualTo(Entry.TOMBSTONE);
        assertThat(vault.tombstone("head:a")).as("erased twice: no key the second time").isFalse();
        assertThat(vault.tombstone("head:never")).isFalse();
        assertThat(vault.putIfAbsent("head:never", "late")).as("erased before any key was made")
                .isEqualTo(Entry.TOMBSTONE);
    }
}
