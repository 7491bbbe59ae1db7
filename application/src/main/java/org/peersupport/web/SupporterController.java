package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.InspectionJudgement;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.programme.RuleBooks;
import org.peersupport.reporting.api.FindSupporter;
import org.peersupport.reporting.api.FindSupporters;
import org.peersupport.reporting.api.SupporterListing;
import org.peersupport.reporting.api.SupporterStatus;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.PauseSupporter;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RecordSupervision;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.SupervisionKind;
import org.peersupport.supporter.api.ResumeSupporter;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.WithdrawSupporter;
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
@RequestMapping("/api/supporters")
@Tag(name = "Supporters", description = "Registration, eligibility, approval, stepping back; the directory")
class SupporterController {

    private final Bus bus;
    private final RuleBooks ruleBooks;
    private final Origins origins;

    SupporterController(Bus bus, RuleBooks ruleBooks, Origins origins) {
        this.bus = bus;
        this.ruleBooks = ruleBooks;
        this.origins = origins;
    }

    record RegisterBody(@NotBlank @Size(max = 64) String programmeId,
                        @Size(max = 200) String name,
                        @Email @Size(max = 254) String workEmail,
                        @Size(max = 200) String schoolName,
                        @Size(max = 2000) String background,
                        @NotBlank @Size(max = 64) String region,
                        @NotNull Phase phase,
                        Set<@NotNull SchoolType> schoolTypes,
                        @NotNull SizeBand sizeBand,
                        @NotEmpty @Size(max = 30) Set<@NotBlank @Size(max = 64) String> areasHandled,
                        Boolean formerHead,
                        @Min(1) @Max(20) Integer capacity) {
    }

    record SupervisionBody(@NotNull SupervisionKind kind, @NotNull @PastOrPresent LocalDate heldOn) {
    }

    record EvidenceBody(@NotNull EligibilityCriterion criterion,
                        @Min(0) @Max(60) Integer yearsAsHead,
                        InspectionJudgement judgement,
                        @PastOrPresent LocalDate date,
                        @Size(max = 30) Set<@NotBlank @Size(max = 64) String> areasHandled,
                        Boolean confirmed) {
    }

    /** A directory entry as a coordinator sees it. */
    record SupporterView(String supporterId, String subject, String programmeId, String name, String workEmail, String schoolName,
                         String background, String region, Phase phase, Set<SchoolType> schoolTypes,
                         SizeBand sizeBand, Set<String> areasHandled, boolean formerHead, SupporterStatus status,
                         int capacity, int placesHeld, boolean available, Set<EligibilityCriterion> evidenced,
                         LocalDate registeredOn, LocalDate approvedOn, LocalDate supervisionDue,
                         boolean supervisionOverdue, Set<EligibilityCriterion> recheck) {

        static SupporterView of(SupporterListing s) {
            return new SupporterView(s.supporterId(), "supporter:" + s.supporterId(), s.programmeId(),
                    Personal.show(s.name()),
                    Personal.show(s.workEmail()), Personal.show(s.schoolName()), Personal.show(s.background()),
                    s.region(), s.phase(), new TreeSet<>(s.schoolTypes()), s.sizeBand(), new TreeSet<>(s.areasHandled()),
                    s.formerHead(), s.status(), s.capacity(), s.placesHeld().size(), s.available(),
                    new TreeSet<>(s.evidenced()), s.registeredOn(), s.approvedOn(), s.supervisionDue(),
                    s.supervisionOverdue(), new TreeSet<>(s.recheck()));
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@Valid @RequestBody RegisterBody body) {
        String id = Bus.newId();
        String subject = "supporter:" + id;
        SupporterProfile profile = new SupporterProfile(Personal.of(subject, body.name()),
                Personal.of(subject, body.workEmail()), Personal.of(subject, body.schoolName()),
                Personal.of(subject, body.background()), body.region(), body.phase(), body.schoolTypes(),
                body.sizeBand(), body.areasHandled(), Boolean.TRUE.equals(body.formerHead()));
        bus.send(new RegisterSupporter(id, ruleBooks.current(body.programmeId()), profile, body.capacity(),
                bus.today()));
        return new Created(id);
    }

    @PostMapping("/{supporterId}/evidence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void evidence(@PathVariable String supporterId, @Valid @RequestBody EvidenceBody body) {
        bus.send(new RecordEligibilityEvidence(supporterId, new EligibilityEvidence(body.criterion(),
                body.yearsAsHead(), body.judgement(), body.date(), body.areasHandled(), Boolean.TRUE.equals(body.confirmed()))));
    }

    @PostMapping("/{supporterId}/approval")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable String supporterId) {
        String programmeId = origins.of(supporterId, SupporterRegistered.class, "supporter").programmeId();
        bus.send(new ApproveSupporter(supporterId, ruleBooks.current(programmeId), bus.today()));
    }

    /** Care of volunteers: a supervision meeting (1:1 or group) was held; nothing of its content is kept. */
    @PostMapping("/{supporterId}/supervision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void supervision(@PathVariable String supporterId, @Valid @RequestBody SupervisionBody body) {
        bus.send(new RecordSupervision(supporterId, body.kind(), body.heldOn()));
    }

    @PostMapping("/{supporterId}/pause")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void pause(@PathVariable String supporterId) {
        bus.send(new PauseSupporter(supporterId));
    }

    @PostMapping("/{supporterId}/resumption")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resume(@PathVariable String supporterId) {
        bus.send(new ResumeSupporter(supporterId));
    }

    @PostMapping("/{supporterId}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String supporterId) {
        bus.send(new WithdrawSupporter(supporterId));
    }

    @GetMapping
    List<SupporterView> directory(@RequestParam(required = false) String programmeId,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(required = false) Phase phase,
                                  @RequestParam(required = false) SchoolType schoolType,
                                  @RequestParam(required = false) String area,
                                  @RequestParam(required = false) SupporterStatus status,
                                  @RequestParam(required = false) Boolean available) {
        return bus.list(new FindSupporters(programmeId, region, phase, schoolType, area, status, available),
                SupporterListing.class).stream().map(SupporterView::of).toList();
    }

    @GetMapping("/{supporterId}")
    SupporterView get(@PathVariable String supporterId) {
        return SupporterView.of(find(supporterId));
    }

    private SupporterListing find(String supporterId) {
        return bus.one(new FindSupporter(supporterId), SupporterListing.class)
                .orElseThrow(() -> new NotFound("supporter"));
    }
}
