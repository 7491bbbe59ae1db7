package org.peersupport.programme;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.peersupport.programme.api.FindProgramme;
import org.peersupport.programme.api.ListProgrammes;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.programme.api.ProgrammeRulesChanged;
import org.peersupport.programme.api.ProgrammeView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The list of programmes and their current rules. */
@Component
@ProcessingGroup(ProgrammeProjection.GROUP)
class ProgrammeProjection {

    static final String GROUP = "programmes";
    static final String COLLECTION = "programmes";

    private final MongoTemplate mongo;

    ProgrammeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProgrammeDefined event) {
        mongo.save(new ProgrammeDocument(event.programmeId(), new ProgrammeView(event.programmeId(), event.name(),
                event.version(), event.rules(), event.definedOn(), null)), COLLECTION);
    }

    @EventHandler
    void on(ProgrammeRulesChanged event) {
        find(event.programmeId()).ifPresent(current -> mongo.save(new ProgrammeDocument(event.programmeId(),
                new ProgrammeView(current.programmeId(), current.name(), event.version(), event.rules(),
                        current.definedOn(), event.changedOn())), COLLECTION));
    }

    @ResetHandler
    void reset() {
        // Only if it is there: the embedded server logs dropping a missing one as an error.
        if (mongo.collectionExists(COLLECTION)) {
            mongo.dropCollection(COLLECTION);
        }
    }

    @QueryHandler
    Optional<ProgrammeView> handle(FindProgramme query) {
        return find(query.programmeId());
    }

    @QueryHandler
    List<ProgrammeView> handle(ListProgrammes query) {
        return mongo.find(new Query().with(Sort.by("_id")), ProgrammeDocument.class, COLLECTION).stream()
                .map(ProgrammeDocument::view).toList();
    }

    private Optional<ProgrammeView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProgrammeDocument.class, COLLECTION)).map(ProgrammeDocument::view);
    }

    record ProgrammeDocument(String id, ProgrammeView view) {
    }
}
