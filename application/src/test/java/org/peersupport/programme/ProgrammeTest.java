package org.peersupport.programme;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.programme.api.ChangeProgrammeRules;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.programme.api.ProgrammeRulesChanged;
import org.peersupport.kernel.ProgrammeTemplate;

class ProgrammeTest {

    private static final String PROGRAMME = "p-000";
    private static final String NAME = "Headteacher peer support";
    private static final LocalDate DEFINED_ON = LocalDate.of(2025, 1, 1);

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    private static ProgrammeDefined defined() {
        return new ProgrammeDefined(PROGRAMME, NAME, 1,
                ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), DEFINED_ON);
    }

    @ParameterizedTest
    @EnumSource(ProgrammeTemplate.class)
    void aProgrammeIsDefinedWithVersionOneOfItsRules(ProgrammeTemplate template) {
        fixture.givenNoPriorActivity()
                .when(new DefineProgramme(PROGRAMME, NAME, template.rules(), DEFINED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgrammeDefined(PROGRAMME, NAME, 1, template.rules(), DEFINED_ON));
    }

    @Test
    void theFirstChangeOfRulesIsVersionTwo() {
        fixture.given(defined())
                .when(new ChangeProgrammeRules(PROGRAMME, ProgrammeTemplate.PASTORAL_ASSOCIATES.rules(),
                        LocalDate.of(2025, 4, 1)))
                .expectEvents(new ProgrammeRulesChanged(PROGRAMME, 2, ProgrammeTemplate.PASTORAL_ASSOCIATES.rules(),
                        LocalDate.of(2025, 4, 1)));
    }

    @Test
    void eachChangeOfRulesIsTheNextVersion() {
        fixture.given(defined(),
                        new ProgrammeRulesChanged(PROGRAMME, 2, ProgrammeTemplate.ASSOCIATION_DIRECTORY.rules(),
                                LocalDate.of(2025, 4, 1)),
                        new ProgrammeRulesChanged(PROGRAMME, 3, ProgrammeTemplate.PASTORAL_ASSOCIATES.rules(),
                                LocalDate.of(2025, 7, 1)))
                .when(new ChangeProgrammeRules(PROGRAMME, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(),
                        LocalDate.of(2025, 9, 1)))
                .expectEvents(new ProgrammeRulesChanged(PROGRAMME, 4,
                        ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), LocalDate.of(2025, 9, 1)));
    }

    @Test
    void reissuingTheSameRulesStillMakesANewVersion() {
        fixture.given(defined())
                .when(new ChangeProgrammeRules(PROGRAMME, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(),
                        LocalDate.of(2025, 2, 1)))
                .expectEvents(new ProgrammeRulesChanged(PROGRAMME, 2,
                        ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), LocalDate.of(2025, 2, 1)));
    }
}
