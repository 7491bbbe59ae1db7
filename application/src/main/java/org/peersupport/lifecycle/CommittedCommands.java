package org.peersupport.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends a command from an event handler so that it is committed, its events stored, before the
 * handler returns.
 *
 * <p>Sent on the handler's own thread, a command joins the processor's unit of work: its events are
 * stored only as the whole batch commits, and that is after the processor has stored its token
 * (the token goes first, in the batch's prepare-commit). A kill -9 between the two kept the token
 * and lost the events: the crash harness found a match accepted whose cycle never started. Sent
 * here, on a thread with no unit of work, the command commits on its own first; the token follows.
 * A crash can then only repeat a command, and every command the saga sends is idempotent. (A
 * conflicting write is also retried here, which CommandRetries does only outside a unit of work.)
 */
final class CommittedCommands {

    private static final ExecutorService OWN_THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "committed-command");
        thread.setDaemon(true);
        return thread;
    });

    private final CommandGateway commands;

    CommittedCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command and waits until it is committed; its failure is thrown here, as sendAndWait's would be. */
    void sendAndWait(Object command) {
        // The other thread has no unit of work to take correlation data from (who caused it, which
        // message): it travels with the command instead.
        MetaData correlation = CurrentUnitOfWork.map(UnitOfWork::getCorrelationData).orElse(MetaData.emptyInstance());
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(correlation);
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(message), OWN_THREADS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
