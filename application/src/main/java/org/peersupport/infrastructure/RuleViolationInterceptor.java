package org.peersupport.infrastructure;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.peersupport.kernel.RuleBroken;
import org.peersupport.kernel.RuleViolation;

/**
 * Turns a rule an aggregate names into a {@link CommandExecutionException} whose details carry the
 * rule's name. The details survive the trip through Axon Server, where the exception class would
 * not, so callers see the same answer in both deployments. An identifier of another kind of record
 * (a request's identifier given where a supporter's is expected) is "no such record" as well: Axon
 * finds that stream but cannot make the aggregate from it.
 */
class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation,
                    new RuleBroken(violation.rule(), violation.getMessage(), violation.isConflict() ? 409 : 422));
        } catch (AggregateNotFoundException | IncompatibleAggregateException notFound) {
            throw new CommandExecutionException("No such record", notFound,
                    new RuleBroken("NotFound", "No record with that identifier", 404));
        }
    }
}
