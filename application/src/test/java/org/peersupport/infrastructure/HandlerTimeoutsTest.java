package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.junit.jupiter.api.Test;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon's per-invocation timeout tasks are off (application.yml, axon.timeout): each read its
 * thread's stack trace, and they took half of a rebuild's handling time.
 */
@PeerSupportTest
class HandlerTimeoutsTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerOrUnitOfWorkIsWrappedInATimeoutTask() {
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getBeanNamesForType(UnitOfWorkTimeoutInterceptor.class)).isEmpty();
    }
}
