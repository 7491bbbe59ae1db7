package org.peersupport.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the application reads "today" from. {@code peersupport.clock.fixed} (an ISO
 * instant) pins it, so tests and demonstrations never depend on the wall clock's date.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${peersupport.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.systemDefaultZone() : Clock.fixed(Instant.parse(fixed), ZoneId.systemDefault());
    }

    /** Bean Validation's {@code @PastOrPresent} and friends judge by the same clock. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
