package org.peersupport.matching;

import org.peersupport.kernel.ProgrammeTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.matching.api.ChoiceNotAmongProfiles;
import org.peersupport.matching.api.DeclineMatch;
import org.peersupport.matching.api.DeclinedBy;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchAlreadyAnswered;
import org.peersupport.matching.api.MatchAlreadyProposed;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchNotProposed;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.NoProfilesToShare;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.matching.api.ProposeMatch;
import org.peersupport.matching.api.RecordHeadChoice;
import org.peersupport.matching.api.ShareProfiles;
import org.peersupport.matching.api.TooManyProfiles;
import org.peersupport.matching.api.WrongMatchingMode;

class MatchTest {

    private static final String MATCH = "match-1";
    private static final String REQUEST = "request-1";
    private static final LocalDate SHARED_ON = LocalDate.of(2025, 3, 3);
    private static final LocalDate CHOSEN_ON = LocalDate.of(2025, 3, 7);
    private static final LocalDate ANSWERED_ON = LocalDate.of(2025, 3, 10);
    private static final List<String> THREE_PROFILES = List.of("supporter-1", "supporter-2", "supporter-3");

    private FixtureConfiguration<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Match.class);
    }

    private static ProfilesShared sharedThree() {
        return new ProfilesShared(MATCH, REQUEST, "p-000", THREE_PROFILES, SHARED_ON);
    }

    private static MatchProposed chosen(String supporterId) {
        return new MatchProposed(MATCH, REQUEST, "p-000", supporterId, CHOSEN_ON);
    }

    private static MatchProposed proposedUnder001() {
        return new MatchProposed(MATCH, REQUEST, "p-001", "supporter-1", SHARED_ON);
    }

    // ---- seed 000: the head chooses from profiles -----------------------------------------------

    @Nested
    class SharingProfiles {

        @Test
        void upToThreeProfilesAreSharedUnderSeed000() {
            fixture.givenNoPriorActivity()
                    .when(new ShareProfiles(MATCH, REQUEST, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), THREE_PROFILES, SHARED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sharedThree());
        }

        @Test
        void profilesAreNotSharedWhereTheCoordinatorProposes() {
            fixture.givenNoPriorActivity()
                    .when(new ShareProfiles(MATCH, REQUEST, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), List.of("supporter-1"), SHARED_ON))
                    .expectException(WrongMatchingMode.class)
                    .expectNoEvents();
        }

        @Test
        void profilesAreNotSharedWhereTheCoordinatorPairs() {
            fixture.givenNoPriorActivity()
                    .when(new ShareProfiles(MATCH, REQUEST, ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), List.of("supporter-1"), SHARED_ON))
                    .expectException(WrongMatchingMode.class)
                    .expectNoEvents();
        }

        @Test
        void moreProfilesThanTheProgrammeAllowsAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ShareProfiles(MATCH, REQUEST, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"),
                            List.of("supporter-1", "supporter-2", "supporter-3", "supporter-4"), SHARED_ON))
                    .expectException(TooManyProfiles.class)
                    .expectNoEvents();
        }

        @Test
        void atLeastOneProfileMustBeShared() {
            fixture.givenNoPriorActivity()
                    .when(new ShareProfiles(MATCH, REQUEST, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), List.of(), SHARED_ON))
                    .expectException(NoProfilesToShare.class)
                    .expectNoEvents();
        }

        @Test
        void theHeadsChoiceProposesThatSupporter() {
            fixture.given(sharedThree())
                    .when(new RecordHeadChoice(MATCH, "supporter-2", CHOSEN_ON))
                    .expectEvents(new MatchProposed(MATCH, REQUEST, "p-000", "supporter-2", CHOSEN_ON));
        }

        @Test
        void theHeadChoosesOnlyAmongTheProfilesShared() {
            fixture.given(sharedThree())
                    .when(new RecordHeadChoice(MATCH, "supporter-9", CHOSEN_ON))
                    .expectException(ChoiceNotAmongProfiles.class)
                    .expectNoEvents();
        }

        @Test
        void theHeadChoosesOnce() {
            fixture.given(sharedThree(), chosen("supporter-2"))
                    .when(new RecordHeadChoice(MATCH, "supporter-3", CHOSEN_ON.plusDays(1)))
                    .expectException(MatchAlreadyProposed.class)
                    .expectNoEvents();
        }

        @Test
        void aMatchCannotBeAcceptedBeforeTheHeadHasChosen() {
            fixture.given(sharedThree())
                    .when(new AcceptMatch(MATCH, ANSWERED_ON))
                    .expectException(MatchNotProposed.class)
                    .expectNoEvents();
        }

        @Test
        void theHeadMayDeclineEveryProfileShared() {
            fixture.given(sharedThree())
                    .when(new DeclineMatch(MATCH, DeclinedBy.HEAD, ANSWERED_ON))
                    .expectEvents(new MatchDeclined(MATCH, REQUEST, null, DeclinedBy.HEAD, ANSWERED_ON));
        }

        @Test
        void theChosenSupporterMayAccept() {
            fixture.given(sharedThree(), chosen("supporter-2"))
                    .when(new AcceptMatch(MATCH, ANSWERED_ON))
                    .expectEvents(new MatchAccepted(MATCH, REQUEST, "p-000", "supporter-2", ANSWERED_ON));
        }
    }

    // ---- seeds 001 and 002: the coordinator proposes or pairs ------------------------------------

    @Nested
    class Proposing {

        @Test
        void theCoordinatorProposesASupporterUnderSeed001() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeMatch(MATCH, REQUEST, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), "supporter-1", SHARED_ON))
                    .expectEvents(proposedUnder001());
        }

        @Test
        void theCoordinatorPairsALeaderUnderSeed002() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeMatch(MATCH, REQUEST, ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), "supporter-1", SHARED_ON))
                    .expectEvents(new MatchProposed(MATCH, REQUEST, "p-002", "supporter-1", SHARED_ON));
        }

        @Test
        void noProposalWhereTheHeadChoosesFromProfiles() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeMatch(MATCH, REQUEST, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), "supporter-1", SHARED_ON))
                    .expectException(WrongMatchingMode.class)
                    .expectNoEvents();
        }

        @Test
        void aProposalIsNotAChoiceAmongProfiles() {
            fixture.given(proposedUnder001())
                    .when(new RecordHeadChoice(MATCH, "supporter-1", CHOSEN_ON))
                    .expectException(MatchAlreadyProposed.class)
                    .expectNoEvents();
        }
    }

    // ---- answering -------------------------------------------------------------------------------

    @Nested
    class Answering {

        @Test
        void aProposedMatchIsAccepted() {
            fixture.given(proposedUnder001())
                    .when(new AcceptMatch(MATCH, ANSWERED_ON))
                    .expectEvents(new MatchAccepted(MATCH, REQUEST, "p-001", "supporter-1", ANSWERED_ON));
        }

        @Test
        void aMatchIsAcceptedOnce() {
            fixture.given(proposedUnder001(),
                            new MatchAccepted(MATCH, REQUEST, "p-001", "supporter-1", ANSWERED_ON))
                    .when(new AcceptMatch(MATCH, ANSWERED_ON.plusDays(1)))
                    .expectException(MatchAlreadyAnswered.class)
                    .expectNoEvents();
        }

        @Test
        void anAcceptedMatchCannotBeDeclined() {
            fixture.given(proposedUnder001(),
                            new MatchAccepted(MATCH, REQUEST, "p-001", "supporter-1", ANSWERED_ON))
                    .when(new DeclineMatch(MATCH, DeclinedBy.SUPPORTER, ANSWERED_ON.plusDays(1)))
                    .expectException(MatchAlreadyAnswered.class)
                    .expectNoEvents();
        }

        @Test
        void eitherSideMayDeclineAProposalWithoutAReason() {
            assertThat(DeclineMatch.class.getRecordComponents())
                    .extracting(RecordComponent::getName)
                    .containsExactly("matchId", "declinedBy", "declinedOn");
            fixture.given(proposedUnder001())
                    .when(new DeclineMatch(MATCH, DeclinedBy.SUPPORTER, ANSWERED_ON))
                    .expectEvents(new MatchDeclined(MATCH, REQUEST, "supporter-1", DeclinedBy.SUPPORTER, ANSWERED_ON));
        }

        @Test
        void aDeclinedMatchCannotBeDeclinedAgain() {
            fixture.given(proposedUnder001(),
                            new MatchDeclined(MATCH, REQUEST, "supporter-1", DeclinedBy.HEAD, ANSWERED_ON))
                    .when(new DeclineMatch(MATCH, DeclinedBy.COORDINATOR, ANSWERED_ON.plusDays(1)))
                    .expectException(MatchAlreadyAnswered.class)
                    .expectNoEvents();
        }

        @Test
        void aDeclinedMatchCannotBeAccepted() {
            fixture.given(proposedUnder001(),
                            new MatchDeclined(MATCH, REQUEST, "supporter-1", DeclinedBy.HEAD, ANSWERED_ON))
                    .when(new AcceptMatch(MATCH, ANSWERED_ON.plusDays(1)))
                    .expectException(MatchAlreadyAnswered.class)
                    .expectNoEvents();
        }
    }
}
