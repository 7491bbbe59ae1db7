package org.peersupport.lifecycle;

import org.axonframework.config.ConfigurerModule;
import org.peersupport.infrastructure.IndexedSagaRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The support-cycle saga, with a repository that finds the sagas of a large batch by association. */
@Configuration(proxyBeanMethods = false)
class SupportCycleSagaRegistration {

    @Bean
    ConfigurerModule supportCycleSaga() {
        return IndexedSagaRepository.registration(SupportCycleSaga.class);
    }
}
