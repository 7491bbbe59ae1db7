package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.lifecycle.api.ProposeSupporter;
import org.peersupport.lifecycle.api.ShareSupporterProfiles;
import org.peersupport.programme.RuleBooks;
import org.peersupport.reporting.api.FindRequest;
import org.peersupport.reporting.api.FindRequests;
import org.peersupport.reporting.api.RequestListing;
import org.peersupport.reporting.api.RequestStage;
import org.peersupport.request.api.CloseCycle;
import org.peersupport.request.api.EndMatch;
import org.peersupport.request.api.NoteContentiousMeeting;
import org.peersupport.request.api.ReviewCycle;
import org.peersupport.request.api.ReviewDecision;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.RequestSupport;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.request.api.WithdrawRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests and cycles", description = "A head's request, its match, sessions and close")
class RequestController {

    private final Bus bus;
    private final RuleBooks ruleBooks;
    private final Origins origins;

    RequestController(Bus bus, RuleBooks ruleBooks, Origins origins) {
        this.bus = bus;
        this.ruleBooks = ruleBooks;
        this.origins = origins;
    }

    /** {@code headId} links a returning head's requests; omit it for a new head. */
    record NewRequest(@NotBlank @Size(max = 64) String programmeId,
                        @Pattern(regexp = "[A-Za-z0-9-]{8,64}") String headId,
                        @Size(max = 200) String headName,
                        @Email @Size(max = 254) String workEmail,
                        @Size(max = 200) String schoolName,
                        @NotNull RequesterRole role,
                        @NotBlank @Size(max = 64) String region,
                        @NotNull Phase phase,
                        Set<@NotNull SchoolType> schoolTypes,
                        @NotNull SizeBand sizeBand,
                        @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 64) String> areasOfNeed) {
    }

    record ProfilesBody(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> supporterIds) {
    }

    record ProposalBody(@NotBlank @Size(max = 64) String supporterId) {
    }

    /**
     * {@code startTime} is needed where the programme sets boundaries (seed 000); {@code exceptionReason}
     * records why a session outside them was allowed.
     */
    record SessionBody(@NotNull LocalDate heldOn, LocalTime startTime,
                       @NotNull @Min(1) @Max(480) Integer durationMinutes, @NotNull MeetingMode mode,
                       @Size(max = 2000) String exceptionReason) {
    }

    record CloseBody(LocalDate closedOn) {
    }

    /** EXTEND needs extraMonths and the head's recorded agreement; CLOSE ends the cycle. */
    record ReviewBody(@NotNull ReviewDecision decision, @Min(1) @Max(24) Integer extraMonths,
                      @Min(0) @Max(24) Integer extraMeetings, Boolean agreedWithHead) {
    }

    record NoteBody(@NotBlank @Size(max = 4000) String note, Boolean leaderTold) {
    }

    /** {@code headSubject} names the head as a data subject (for subject access and erasure). */
    record RequestView(String requestId, String programmeId, int ruleVersion, String headSubject, String headName,
                       String schoolName,
                       RequesterRole role, String region, Phase phase, Set<String> areasOfNeed, RequestStage stage,
                       LocalDate requestedOn, long ageDays, String nextAction, String matchId,
                       List<String> profilesShared, String supporterId, LocalDate matchedOn, int sessionsHeld,
                       LocalDate lastSessionOn, LocalDate reviewDue, boolean reviewOverdue, int extensions,
                       int rematches, Set<String> missedTerms, LocalDate closedOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created request(@Valid @RequestBody NewRequest body) {
        String id = Bus.newId();
        String subject = "head:" + (body.headId() == null ? Bus.newId() : body.headId());
        Requester requester = new Requester(subject, Personal.of(subject, body.headName()),
                Personal.of(subject, body.workEmail()), Personal.of(subject, body.schoolName()), body.role(),
                body.region(), body.phase(), body.schoolTypes() == null ? Set.of() : body.schoolTypes(),
                body.sizeBand());
        bus.send(new RequestSupport(id, ruleBooks.current(body.programmeId()), requester, body.areasOfNeed(),
                bus.today()));
        return new Created(id);
    }

    @PostMapping("/{requestId}/profiles")
    @ResponseStatus(HttpStatus.CREATED)
    Created shareProfiles(@PathVariable String requestId, @Valid @RequestBody ProfilesBody body) {
        SupportRequested origin = origin(requestId);
        String matchId = Bus.newId();
        bus.send(new ShareSupporterProfiles(matchId, requestId, origin.ruleBook(), body.supporterIds(), bus.today()));
        return new Created(matchId);
    }

    @PostMapping("/{requestId}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    Created propose(@PathVariable String requestId, @Valid @RequestBody ProposalBody body) {
        SupportRequested origin = origin(requestId);
        String matchId = Bus.newId();
        bus.send(new ProposeSupporter(matchId, requestId, origin.ruleBook(), body.supporterId(), bus.today()));
        return new Created(matchId);
    }

    @PostMapping("/{requestId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Created session(@PathVariable String requestId, @Valid @RequestBody SessionBody body) {
        if (body.heldOn().isAfter(bus.today())) {
            throw new InvalidField("heldOn", "must not be in the future: record a session once it has taken place");
        }
        String sessionId = Bus.newId();
        String head = body.exceptionReason() == null ? null : origin(requestId).requester().subject();
        bus.send(new RecordSession(requestId, sessionId, body.heldOn(), body.startTime(), body.durationMinutes(),
                body.mode(), head == null ? null : Personal.of(head, body.exceptionReason())));
        return new Created(sessionId);
    }

    @PostMapping("/{requestId}/closure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable String requestId, @RequestBody(required = false) CloseBody body) {
        LocalDate on = body == null || body.closedOn() == null ? bus.today() : body.closedOn();
        if (on.isAfter(bus.today())) {
            throw new InvalidField("closedOn", "must not be in the future");
        }
        bus.send(new CloseCycle(requestId, on));
    }

    @PostMapping("/{requestId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void review(@PathVariable String requestId, @Valid @RequestBody ReviewBody body) {
        bus.send(new ReviewCycle(requestId, body.decision(), body.extraMonths(), body.extraMeetings(),
                Boolean.TRUE.equals(body.agreedWithHead()), bus.today()));
    }

    /** Either side ends the match (seed 002); who and why are deliberately not recorded. */
    @PostMapping("/{requestId}/match-ending")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endMatch(@PathVariable String requestId) {
        bus.send(new EndMatch(requestId, bus.today()));
    }

    /** Seed 002: a note after a contentious meeting, sealed under the head's key, once the leader is told. */
    @PostMapping("/{requestId}/sessions/{sessionId}/contentious-note")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void contentiousNote(@PathVariable String requestId, @PathVariable String sessionId,
                         @Valid @RequestBody NoteBody body) {
        String head = origin(requestId).requester().subject();
        bus.send(new NoteContentiousMeeting(requestId, sessionId, Personal.of(head, body.note()),
                Boolean.TRUE.equals(body.leaderTold()), bus.today()));
    }

    @PostMapping("/{requestId}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String requestId) {
        bus.send(new WithdrawRequest(requestId, bus.today()));
    }

    /** The queue, oldest first, a page at a time (default 500, at most 1,000). */
    @GetMapping
    List<RequestView> queue(@RequestParam(required = false) String programmeId,
                            @RequestParam(required = false) RequestStage stage,
                            @RequestParam(defaultValue = "0") @Min(0) int offset,
                            @RequestParam(defaultValue = "" + FindRequests.DEFAULT_LIMIT) @Min(1) @Max(1000) int limit) {
        return bus.list(new FindRequests(programmeId, stage, offset, limit), RequestListing.class).stream()
                .map(this::view).toList();
    }

    @GetMapping("/{requestId}")
    RequestView get(@PathVariable String requestId) {
        return bus.one(new FindRequest(requestId), RequestListing.class).map(this::view)
                .orElseThrow(() -> new NotFound("request"));
    }

    private SupportRequested origin(String requestId) {
        return origins.of(requestId, SupportRequested.class, "request");
    }

    private RequestView view(RequestListing r) {
        LocalDate until = r.closedOn() != null ? r.closedOn() : bus.today();
        String headSubject = r.headName() != null ? r.headName().subject()
                : r.schoolName() != null ? r.schoolName().subject() : null;
        return new RequestView(r.requestId(), r.programmeId(), r.ruleVersion(), headSubject, Personal.show(r.headName()),
                Personal.show(r.schoolName()), r.role(), r.region(), r.phase(), new TreeSet<>(r.areasOfNeed()), r.stage(),
                r.requestedOn(), ChronoUnit.DAYS.between(r.requestedOn(), until), r.nextAction(), r.matchId(),
                r.profilesShared(), r.supporterId(), r.matchedOn(), r.sessions().size(), r.lastSessionOn(),
                r.reviewDue(), r.reviewOverdue(), r.extensions(), r.endedMatches().size(), new TreeSet<>(r.missedTerms()),
                r.closedOn());
    }
}
