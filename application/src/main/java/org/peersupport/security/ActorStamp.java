package org.peersupport.security;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stamps each command sent on a user's behalf with who they are; Axon's correlation data then
 * carries it onto every event the command causes, including those sagas cause downstream.
 */
@Component
public class ActorStamp implements MessageDispatchInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    /** The metadata key naming who caused a message; correlation copies it onto every event. */
    public static final String ACTOR = "actor";

    private final CommandGateway gateway;

    ActorStamp(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void afterSingletonsInstantiated() {
        gateway.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(ACTOR)) {
                return command;
            }
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            return user == null || !user.isAuthenticated() ? command : command.andMetaData(Map.of(ACTOR, user.getName()));
        };
    }
}
