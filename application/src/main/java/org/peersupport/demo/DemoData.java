package org.peersupport.demo;

import static org.peersupport.kernel.AreasOfNeed.BUDGET;
import static org.peersupport.kernel.AreasOfNeed.BUILDING_PROJECT;
import static org.peersupport.kernel.AreasOfNeed.COMPETENCY_PROCEDURES;
import static org.peersupport.kernel.AreasOfNeed.DIFFICULT_STAFF_OR_GOVERNORS;
import static org.peersupport.kernel.AreasOfNeed.OFSTED;
import static org.peersupport.kernel.AreasOfNeed.RESTRUCTURE;
import static org.peersupport.kernel.AreasOfNeed.STAFFING;
import static org.peersupport.kernel.AreasOfNeed.WELLBEING;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.InspectionJudgement;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.kernel.TermCalendar;
import org.peersupport.lifecycle.api.ChooseSupporter;
import org.peersupport.lifecycle.api.ProposeSupporter;
import org.peersupport.lifecycle.api.ShareSupporterProfiles;
import org.peersupport.lifecycle.SupportCycleSaga;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.matching.api.DeclineMatch;
import org.peersupport.matching.api.DeclinedBy;
import org.peersupport.programme.RuleBooks;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.request.api.CloseCycle;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.RequestSupport;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.StartCycle;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.PauseSupporter;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.SupporterProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Seeds an invented programme landscape on first start: the three seed programmes, 20 supporters
 * across regions, phases and school types, and requests at every stage. Every person and school
 * here is made up. It goes through the same commands as the API, so it obeys every rule.
 */
@Component
@ConditionalOnProperty(name = "peersupport.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final String LA = "county-heads";
    static final String HEADSTRONG = "headstrong";
    static final String PASTORAL = "pastoral-associates";

    private static final String[] FIRST = {"Alys", "Bram", "Cerys", "Dorian", "Elska", "Fenwick", "Greer", "Hollis",
        "Ines", "Jory", "Kestrel", "Lowen", "Merrin", "Nye", "Orla", "Perrin", "Quill", "Rosalind", "Soren", "Tamsin",
        "Ulric", "Verity", "Wystan", "Yestin"};
    private static final String[] LAST = {"Ashcombe", "Brackenridge", "Culverhay", "Dunmore", "Eldwick", "Farrowdale",
        "Gorsefield", "Hartwell", "Ivybridge-Locke", "Juniper", "Kettleby", "Larchmont", "Marlowe-Finch", "Netherby",
        "Oakhanger", "Pennyfold", "Quarrington", "Rookwood", "Saltire", "Thistlewood", "Underhay", "Vantreen",
        "Wrenfield", "Yarrowby"};
    private static final String[] PLACES = {"Hollowmere", "Birchcombe", "Stonebridge Vale", "Larkfield", "Copperwick",
        "Ashby Fold", "Merrow Green", "Thornleigh", "Elderholt", "Fennimore", "Kingsreach", "Wyvern Hill"};
    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};

    private final CommandGateway commands;
    private final RuleBooks ruleBooks;
    private final EventStore eventStore;
    private final Clock clock;
    private int people;

    DemoData(CommandGateway commands, RuleBooks ruleBooks, EventStore eventStore,
             Clock clock) {
        this.commands = commands;
        this.ruleBooks = ruleBooks;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        if (eventStore.lastSequenceNumberFor(LA).isPresent()) {
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("demo-data", null,
                "ROLE_COORDINATOR"));
        try {
            seed();
            LOG.info("Demo data seeded: 3 programmes, 20 supporters, 8 requests");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seed() {
        // Everything happens on the latest term-time working day, so seed 000's boundaries hold even
        // when the application is first started at a weekend or in the holidays.
        LocalDate today = lastWorkingTermDay(LocalDate.now(clock));
        commands.sendAndWait(new DefineProgramme(LA, "County headteacher peer support",
                ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), today));
        commands.sendAndWait(new DefineProgramme(HEADSTRONG, "Headstrong directory of heads",
                ProgrammeTemplate.ASSOCIATION_DIRECTORY.rules(), today));
        commands.sendAndWait(new DefineProgramme(PASTORAL, "Pastoral support associates",
                ProgrammeTemplate.PASTORAL_ASSOCIATES.rules(), today));

        RuleBook la = ruleBooks.current(LA);
        RuleBook headstrong = ruleBooks.current(HEADSTRONG);
        RuleBook pastoral = ruleBooks.current(PASTORAL);

        List<String> laSupporters = new ArrayList<>();
        Phase[] phases = {Phase.PRIMARY, Phase.SECONDARY, Phase.PRIMARY, Phase.SPECIAL, Phase.ALL_THROUGH};
        SchoolType[] types = {SchoolType.RURAL, SchoolType.FEDERATION, SchoolType.URBAN, SchoolType.CHURCH,
            SchoolType.MAINTAINED};
        List<Set<String>> areaSets = List.of(Set.of(BUDGET, STAFFING), Set.of(OFSTED, WELLBEING),
                Set.of(RESTRUCTURE, DIFFICULT_STAFF_OR_GOVERNORS), Set.of(BUILDING_PROJECT, BUDGET),
                Set.of(COMPETENCY_PROCEDURES, STAFFING, WELLBEING));
        for (int i = 0; i < 10; i++) {
            String id = supporter(la, REGIONS[i % 5], phases[i % 5], types[i % 5], SizeBand.values()[i % 3],
                    areaSets.get(i % 5), false, true);
            laEvidence(id, today);
            if (i < 9) {
                commands.sendAndWait(new ApproveSupporter(id, la, today));
                laSupporters.add(id);
            }
        }
        commands.sendAndWait(new PauseSupporter(laSupporters.get(8)));

        List<String> headstrongSupporters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = supporter(headstrong, REGIONS[(i + 2) % 5], phases[(i + 1) % 5], types[(i + 3) % 5],
                    SizeBand.values()[(i + 1) % 3], areaSets.get((i + 2) % 5), false, false);
            commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                    EligibilityCriterion.AREAS_HANDLED, null, null, today.minusMonths(8 + i),
                    areaSets.get((i + 2) % 5), true)));
            commands.sendAndWait(new ApproveSupporter(id, headstrong, today));
            headstrongSupporters.add(id);
        }

        List<String> pastoralSupporters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = supporter(pastoral, REGIONS[(i + 4) % 5], Phase.PRIMARY, types[i % 5],
                    SizeBand.values()[i % 3], withWellbeing(areaSets.get(i)), i % 2 == 0, true);
            commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                    EligibilityCriterion.YEARS_AS_HEAD, 6 + i, null, null, null, false)));
            commands.sendAndWait(new ApproveSupporter(id, pastoral, today));
            pastoralSupporters.add(id);
        }

        // Seed 000: one request at each stage.
        request(la, "demo-request-awaiting", "north", Set.of(BUDGET), today);
        String shared = request(la, "demo-request-profiles", "south", Set.of(OFSTED, WELLBEING), today);
        commands.sendAndWait(new ShareSupporterProfiles("demo-match-profiles", shared, la,
                List.of(laSupporters.get(1), laSupporters.get(6)), today));
        String proposed = request(la, "demo-request-proposed", "east", Set.of(RESTRUCTURE), today);
        commands.sendAndWait(new ShareSupporterProfiles("demo-match-proposed", proposed, la,
                List.of(laSupporters.get(2), laSupporters.get(7)), today));
        commands.sendAndWait(new ChooseSupporter("demo-match-proposed", laSupporters.get(2), today));
        String inCycle = request(la, "demo-request-in-cycle", "west", Set.of(BUILDING_PROJECT), today);
        matchAndStart(inCycle, "demo-match-in-cycle", la, laSupporters.get(3), today, true);
        session(inCycle, today, 55, MeetingMode.VIDEO);
        session(inCycle, today, 90, MeetingMode.IN_PERSON);
        String closed = request(la, "demo-request-closed", "central", Set.of(STAFFING), today);
        matchAndStart(closed, "demo-match-closed", la, laSupporters.get(4), today, true);
        session(closed, today, 60, MeetingMode.IN_PERSON);
        commands.sendAndWait(new CloseCycle(closed, today));
        giveFeedbackWhenAsked(closed, today);

        // Seed 001: a proposal awaiting the head's yes or no, and one declined then re-proposed.
        String yesNo = request(headstrong, "demo-request-headstrong-1", "east", Set.of(RESTRUCTURE), today);
        commands.sendAndWait(new ProposeSupporter("demo-match-headstrong-1", yesNo, headstrong,
                headstrongSupporters.get(0), today));
        String reMatched = request(headstrong, "demo-request-headstrong-2", "west", Set.of(BUDGET), today);
        commands.sendAndWait(new ProposeSupporter("demo-match-headstrong-2a", reMatched, headstrong,
                headstrongSupporters.get(1), today));
        commands.sendAndWait(new DeclineMatch("demo-match-headstrong-2a", DeclinedBy.HEAD, today));
        // The saga reopens the request too; doing it here lets the next proposal follow at once.
        commands.sendAndWait(new ReopenMatching(reMatched, "demo-match-headstrong-2a"));
        matchAndStart(reMatched, "demo-match-headstrong-2b", headstrong, headstrongSupporters.get(2), today, false);

        // Seed 002: a pastoral pairing under way.
        String paired = request(pastoral, "demo-request-pastoral", "central", Set.of(WELLBEING), today);
        matchAndStart(paired, "demo-match-pastoral", pastoral, pastoralSupporters.get(0), today, false);
        session(paired, today, 75, MeetingMode.IN_PERSON);
    }

    private String supporter(RuleBook book, String region, Phase phase, SchoolType type, SizeBand size,
                             Set<String> areas, boolean former, boolean school) {
        int n = people++;
        String id = "demo-supporter-" + (n + 1);
        String subject = "supporter:" + id;
        var rules = book.rules();
        SupporterProfile profile = new SupporterProfile(
                PersonalData.of(subject, FIRST[n % FIRST.length] + " " + LAST[n % LAST.length]),
                PersonalData.of(subject, "head" + (n + 1) + "@example.org"),
                school && rules.collects(org.peersupport.kernel.PersonalField.SCHOOL_NAME)
                        ? PersonalData.of(subject, PLACES[n % PLACES.length] + " " + schoolWord(phase)) : null,
                rules.collects(org.peersupport.kernel.PersonalField.BACKGROUND)
                        ? PersonalData.of(subject, "Head of a " + size.name().toLowerCase() + " "
                        + type.name().toLowerCase().replace('_', ' ') + " school; has led through "
                        + String.join(" and ", areas)) : null,
                region, phase, Set.of(type), size, areas, former);
        commands.sendAndWait(new RegisterSupporter(id, book, profile, null, LocalDate.now(clock)));
        return id;
    }

    private void laEvidence(String id, LocalDate today) {
        commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                EligibilityCriterion.YEARS_AS_HEAD, 7, null, null, null, false)));
        commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                EligibilityCriterion.INSPECTION_JUDGEMENT, null, InspectionJudgement.GOOD, today.minusYears(1), null,
                false)));
        commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                EligibilityCriterion.LOCAL_KNOWLEDGE, null, null, null, null, true)));
        commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                EligibilityCriterion.COACHING_RECORD, null, null, null, null, true)));
        commands.sendAndWait(new RecordEligibilityEvidence(id, new EligibilityEvidence(
                EligibilityCriterion.TRAINING_COMPLETED, null, null, today.minusMonths(4), null, false)));
    }

    private String request(RuleBook book, String id, String region, Set<String> areas, LocalDate today) {
        int n = people++;
        String subject = "head:" + id;
        var rules = book.rules();
        RequesterRole role = rules.whoMayRequest().contains(RequesterRole.HEADTEACHER) ? RequesterRole.HEADTEACHER
                : rules.whoMayRequest().iterator().next();
        Requester requester = new Requester(subject,
                PersonalData.of(subject, FIRST[n % FIRST.length] + " " + LAST[(n + 7) % LAST.length]),
                PersonalData.of(subject, "head" + (n + 1) + "@example.org"),
                rules.collects(org.peersupport.kernel.PersonalField.SCHOOL_NAME)
                        ? PersonalData.of(subject, PLACES[(n + 5) % PLACES.length] + " Primary") : null,
                role, region, Phase.PRIMARY, Set.of(SchoolType.MAINTAINED), SizeBand.SMALL);
        commands.sendAndWait(new RequestSupport(id, book, requester, areas, today));
        return id;
    }

    private void matchAndStart(String requestId, String matchId, RuleBook book, String supporterId, LocalDate today,
                               boolean viaProfiles) {
        if (viaProfiles) {
            commands.sendAndWait(new ShareSupporterProfiles(matchId, requestId, book, List.of(supporterId), today));
            commands.sendAndWait(new ChooseSupporter(matchId, supporterId, today));
        } else {
            commands.sendAndWait(new ProposeSupporter(matchId, requestId, book, supporterId, today));
        }
        commands.sendAndWait(new AcceptMatch(matchId, today));
        // The saga starts the cycle too; StartCycle is idempotent, and waiting for it here is not needed.
        commands.sendAndWait(new StartCycle(requestId, matchId, supporterId, today));
    }

    private void session(String requestId, LocalDate on, int minutes, MeetingMode mode) {
        commands.sendAndWait(new RecordSession(requestId, "session-" + requestId + "-" + (people++), on,
                LocalTime.of(10, 0), minutes, mode, null));
    }

    private static LocalDate lastWorkingTermDay(LocalDate from) {
        TermCalendar calendar = ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules().calendar();
        for (LocalDate day = from; day.isAfter(from.minusYears(1)); day = day.minusDays(1)) {
            if (calendar.isWorkingTermDay(day)) {
                return day;
            }
        }
        return from;
    }

    private void giveFeedbackWhenAsked(String requestId, LocalDate today) {
        String feedbackId = SupportCycleSaga.feedbackIdFor(requestId);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (eventStore.lastSequenceNumberFor(feedbackId).isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (eventStore.lastSequenceNumberFor(feedbackId).isPresent()) {
            commands.sendAndWait(new GiveFeedback(feedbackId, 5, PersonalData.of("head:" + requestId,
                    "Invented demo comment: the sessions helped me plan the staffing changes."), today));
        }
    }

    private static Set<String> withWellbeing(Set<String> areas) {
        Set<String> all = new java.util.HashSet<>(areas);
        all.add(WELLBEING);
        return all;
    }

    private static String schoolWord(Phase phase) {
        return switch (phase) {
            case SECONDARY -> "Academy";
            case SPECIAL -> "School";
            case ALL_THROUGH -> "All-Through School";
            default -> "Primary";
        };
    }
}
