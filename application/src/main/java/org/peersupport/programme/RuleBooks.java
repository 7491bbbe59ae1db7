package org.peersupport.programme;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * The rules read are kept with the stream's last sequence number and read again only when the
 * stream has grown: asking for that number is one indexed lookup, where reading the stream cost a
 * fifth of the lifecycle saga's time (the benchmark's profile).
 */
@Component
public class RuleBooks {

    private final EventStore eventStore;
    private final Map<String, Read> read = new ConcurrentHashMap<>();

    public RuleBooks(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public RuleBook current(String programmeId) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(programmeId);
        if (last.isEmpty()) {
            throw new UnknownProgramme(programmeId);
        }
        Read known = read.get(programmeId);
        if (known != null && known.lastSequence() == last.get()) {
            return known.book();
        }
        RuleBook book = readStream(programmeId);
        read.put(programmeId, new Read(last.get(), book));
        return book;
    }

    private record Read(long lastSequence, RuleBook book) {
    }

    private RuleBook readStream(String programmeId) {
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
