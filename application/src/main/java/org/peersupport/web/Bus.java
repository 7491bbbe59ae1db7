package org.peersupport.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** What every controller needs: send a command and wait, ask a query, know today's date. */
@Component
class Bus {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    Bus(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    void send(Object command) {
        commands.sendAndWait(command);
    }

    <R> List<R> list(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    <R> Optional<R> one(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.optionalInstanceOf(type)));
    }

    <R> R single(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.instanceOf(type)));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Time-ordered, as Axon's own (infrastructure.TimeOrderedIdentifiers): records sit together in indexes. */
    static String newId() {
        return IdentifierFactory.getInstance().generateIdentifier();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
