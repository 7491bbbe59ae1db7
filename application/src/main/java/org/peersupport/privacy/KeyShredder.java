package org.peersupport.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.peersupport.privacy.api.SubjectErased;
import org.springframework.stereotype.Component;

/**
 * Shreds the subject's key once their erasure is recorded. Idempotent, so a replay shreds again
 * harmlessly; it never recreates a key.
 */
@Component
@ProcessingGroup("key-shredder")
class KeyShredder {

    private final SubjectKeyStore keys;

    KeyShredder(SubjectKeyStore keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(SubjectErased event) {
        keys.shred(event.subject());
    }

    @ResetHandler
    void reset() {
        // nothing to rebuild: erasure cannot be undone
    }
}
