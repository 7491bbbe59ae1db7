package org.peersupport.lifecycle;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/** Creating an aggregate whose identifier derives from its cause: a second attempt finds it made. */
final class Idempotent {

    private Idempotent() {
    }

    static void create(CommandGateway commands, Object creationCommand) {
        try {
            commands.sendAndWait(creationCommand);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyMade) {
            // made on an earlier delivery of the same event
        }
    }
}
