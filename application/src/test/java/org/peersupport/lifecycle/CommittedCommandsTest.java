package org.peersupport.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command sent from inside an event processor's batch (a unit of work with a transaction, as the
 * saga's handlers run) is stored before the batch commits, so before the processor stores its token.
 */
@PeerSupportTest
class CommittedCommandsTest {

    @Autowired
    CommandGateway gateway;
    @Autowired
    EventStore events;
    @Autowired
    TransactionManager transactions;

    private UnitOfWork<?> batch;

    @BeforeEach
    void startABatch() {
        batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event being handled"));
        batch.attachTransaction(transactions);
        batch.registerCorrelationDataProvider(new MessageOriginProvider()); // as a processor's batch has
    }

    @AfterEach
    void endTheBatch() {
        if (batch.isActive()) {
            batch.rollback();
        }
    }

    @Test
    void aCommandSentInsideABatchIsStoredBeforeTheBatchCommitsAndStaysIfTheBatchFails() {
        String programme = "committed-" + UUID.randomUUID();

        new CommittedCommands(gateway).sendAndWait(define(programme));

        assertThat(storedEventsSeenFromAnotherThread(programme)).as("while the batch is open").isEqualTo(1);
        batch.rollback();
        assertThat(storedEventsSeenFromAnotherThread(programme)).as("after the batch failed").isEqualTo(1);
    }

    @Test
    void theCommandCarriesTheCorrelationOfTheEventBeingHandled() {
        String programme = "correlated-" + UUID.randomUUID();

        new CommittedCommands(gateway).sendAndWait(define(programme));

        Object traceId = CompletableFuture.supplyAsync(() ->
                events.readEvents(programme).next().getMetaData().get("traceId")).join();
        assertThat(traceId).isEqualTo(batch.getMessage().getIdentifier());
    }

    /** The hazard it avoids: sent plainly, the command joins the batch and is stored only when the batch commits. */
    @Test
    void sentPlainlyInsideABatchTheCommandWaitsForTheBatch() {
        String programme = "joined-" + UUID.randomUUID();

        gateway.sendAndWait(define(programme));

        assertThat(storedEventsSeenFromAnotherThread(programme)).as("while the batch is open").isZero();
        batch.rollback();
        assertThat(storedEventsSeenFromAnotherThread(programme)).as("after the batch failed").isZero();
    }

    @Test
    void aFailedCommandsOwnExceptionReachesTheHandler() {
        String programme = "refused-" + UUID.randomUUID();
        CommittedCommands commands = new CommittedCommands(gateway);
        commands.sendAndWait(define(programme));

        assertThatThrownBy(() -> commands.sendAndWait(define(programme)))
                .isInstanceOf(AggregateStreamCreationException.class)
                .hasMessageContaining("Cannot reuse aggregate identifier");
    }

    private static DefineProgramme define(String programme) {
        return new DefineProgramme(programme, "Committed commands", ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(),
                PeerSupportTest.TODAY);
    }

    private long storedEventsSeenFromAnotherThread(String aggregateId) {
        return CompletableFuture.supplyAsync(() -> events.readEvents(aggregateId).asStream().count()).join();
    }
}
