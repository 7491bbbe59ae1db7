package org.peersupport.reporting;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes each batch's pending read-model changes once its last event has been handled, i.e. before
 * the unit of work commits and the processor stores its token.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelBatches {

    @Bean
    ConfigurerModule flushReadModelsAtEndOfBatch() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((config, name) -> new Flush()));
    }

    static final class Flush implements MessageHandlerInterceptor<EventMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flushPending(unitOfWork);
            }
            return result;
        }
    }

    /** Writes every read model's pending changes held by the unit of work. */
    static void flushPending(UnitOfWork<?> unitOfWork) {
        detachPending(unitOfWork).forEach(Runnable::run);
    }

    /** Takes every read model's pending changes out of the unit of work, as writes still to run. */
    static List<Runnable> detachPending(UnitOfWork<?> unitOfWork) {
        List<Runnable> writes = new ArrayList<>();
        for (Object resource : unitOfWork.root().resources().values()) {
            if (resource instanceof ReadModel.Pending<?> pending) {
                writes.add(pending.detach());
            }
        }
        return writes;
    }
}
