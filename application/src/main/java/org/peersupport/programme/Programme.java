package org.peersupport.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.programme.api.ChangeProgrammeRules;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.programme.api.ProgrammeRulesChanged;

/** A programme and the versions of its rules. Each change is a new version; none is rewritten. */
@Aggregate(cache = Aggregates.PROGRAMME_CACHE)
class Programme {

    @AggregateIdentifier
    private String programmeId;
    private int version;

    Programme() {
        // for Axon
    }

    @CommandHandler
    Programme(DefineProgramme command) {
        apply(new ProgrammeDefined(command.programmeId(), command.name(), 1, command.rules(), command.definedOn()));
    }

    @CommandHandler
    void handle(ChangeProgrammeRules command) {
        apply(new ProgrammeRulesChanged(programmeId, version + 1, command.rules(), command.changedOn()));
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        programmeId = event.programmeId();
        version = event.version();
    }

    @EventSourcingHandler
    void on(ProgrammeRulesChanged event) {
        version = event.version();
    }
}
