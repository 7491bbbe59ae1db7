package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifiersTest {

    @Test
    void axonFindsTheTimeOrderedFactoryAndEventsCarryVersionSevenIdentifiers() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        String eventId = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(eventId).version()).isEqualTo(7);
    }

    @Test
    void identifiersSortInTheOrderTheyWereMadeEvenWithinOneMillisecond() {
        TimeOrderedIdentifiers factory = new TimeOrderedIdentifiers();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(factory.generateIdentifier());
        }
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i)).as("identifier %d", i).isGreaterThan(made.get(i - 1));
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }
}
