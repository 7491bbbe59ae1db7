package org.peersupport.programme;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.peersupport.kernel.RuleBook;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.programme.api.ProgrammeRulesChanged;
import org.peersupport.programme.api.UnknownProgramme;
import org.springframework.stereotype.Component;

/**
 * The programme's rules in force now, read straight from its event stream rather than a read model:
 * a request made a moment after a rule change must be judged by the new rules, not a lagging copy.
 */
@Component
public class RuleBooks {

    private final EventStore eventStore;

    public RuleBooks(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public RuleBook current(String programmeId) {
        RuleBook book = null;
        DomainEventStream stream = eventStore.readEvents(programmeId);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof ProgrammeDefined defined) {
                book = new RuleBook(programmeId, defined.version(), defined.rules());
            } else if (payload instanceof ProgrammeRulesChanged changed) {
                book = new RuleBook(programmeId, changed.version(), changed.rules());
            }
        }
        if (book == null) {
            throw new UnknownProgramme(programmeId);
        }
        return book;
    }
}
