package org.peersupport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one shared application context most tests run in: the embedded profile with an in-memory
 * event store and read-model store, no demo data. Every test class using it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:peersupport-test;DB_CLOSE_DELAY=-1",
    "peersupport.embedded.mongo-file=",
    "peersupport.embedded.keys-file=",
    "peersupport.privacy.master-key=" + PeerSupportTest.MASTER_KEY,
    "peersupport.demo.enabled=false",
    "peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT,
    "logging.level.org.axonframework=WARN"
})
@ActiveProfiles("embedded")
public @interface PeerSupportTest {
    /** Tests run on a fixed day: a Wednesday in the autumn term of 2026, so term-time rules hold. */
    String FIXED_INSTANT = "2026-11-25T10:00:00Z";
    java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 25);

    /** A fixed test-only master key (32 zero-based bytes, base64). */
    String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
}
