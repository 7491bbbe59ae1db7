package org.peersupport.matching;

import org.peersupport.kernel.ProgrammeTemplate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.matching.api.MatchAlreadyAnswered;
import org.peersupport.matching.api.MatchExpired;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.ProposeMatch;
import org.peersupport.matching.api.RecordHeadChoice;
import org.peersupport.matching.api.ShareProfiles;

/** A match waits for its answer only as long as the programme's response window. */
class ResponseWindowTest {

    static final LocalDate ON = LocalDate.of(2026, 10, 5);
    static final ZoneId ZONE = ZoneId.systemDefault();

    FixtureConfiguration<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Match.class);
    }

    @Test
    void sharedProfilesWithNoChoiceExpireAfterTheWindow() {
        fixture.givenCurrentTime(ON.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(new ShareProfiles("m-1", "r-1", ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), List.of("s-1", "s-2"), ON))
                .whenTimeElapses(Duration.ofDays(15))
                .expectEvents(new MatchExpired("m-1", "r-1", null, ON.plusDays(14)));
    }

    @Test
    void aProposalNotAnsweredWithinSeed001sWeekExpires() {
        fixture.givenCurrentTime(ON.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(new ProposeMatch("m-1", "r-1", ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), "s-1", ON))
                .whenTimeElapses(Duration.ofDays(8))
                .expectEvents(new MatchExpired("m-1", "r-1", "s-1", ON.plusDays(7)));
    }

    @Test
    void anAnswerWithinTheWindowStopsIt() {
        fixture.givenCurrentTime(ON.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(new ProposeMatch("m-1", "r-1", ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), "s-1", ON),
                        new AcceptMatch("m-1", ON.plusDays(2)))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents();
    }

    @Test
    void anExpiredMatchTakesNoAnswer() {
        fixture.given(new MatchProposed("m-1", "r-1", "p-001", "s-1", ON), new MatchExpired("m-1", "r-1", "s-1",
                        ON.plusDays(7)))
                .when(new AcceptMatch("m-1", ON.plusDays(8)))
                .expectException(MatchAlreadyAnswered.class)
                .expectNoEvents();
        fixture.given(new org.peersupport.matching.api.ProfilesShared("m-1", "r-1", "p-000", List.of("s-1"), ON),
                        new MatchExpired("m-1", "r-1", null, ON.plusDays(14)))
                .when(new RecordHeadChoice("m-1", "s-1", ON.plusDays(15)))
                .expectException(MatchAlreadyAnswered.class);
    }
}
