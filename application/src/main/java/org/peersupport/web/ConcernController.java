package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.kernel.ConcernKind;
import org.peersupport.request.api.AgreeConcernAction;
import org.peersupport.request.api.OpenConcern;
import org.peersupport.request.api.RaiseConcern;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.safeguarding.ConcernRegister;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Concerns, for the programme's single named contact (SAFEGUARDING_LEAD) and nobody else. */
@RestController
@RequestMapping("/api/concerns")
@Tag(name = "Concerns", description = "Safeguarding, whistleblowing and serious well-being concerns: named contact only")
class ConcernController {

    private final Bus bus;
    private final Origins origins;
    private final ConcernRegister register;

    ConcernController(Bus bus, Origins origins, ConcernRegister register) {
        this.bus = bus;
        this.origins = origins;
        this.register = register;
    }

    record RaiseBody(@NotBlank @Size(max = 64) String requestId, @NotNull ConcernKind kind,
                     @NotBlank @Size(max = 8000) String account) {
    }

    record ActionBody(@NotBlank @Size(max = 8000) String action) {
    }

    /** The list shows no account: reading one is an opening, and every opening is recorded. */
    record ConcernSummary(String concernId, String requestId, String programmeId, ConcernKind kind,
                          LocalDate raisedOn, boolean open, int timesOpened) {
    }

    record ConcernDetail(String concernId, String requestId, String programmeId, ConcernKind kind, String account,
                         LocalDate raisedOn, String action, LocalDate actionAgreedOn,
                         List<ConcernRegister.Opening> openings) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created raise(@Valid @RequestBody RaiseBody body) {
        SupportRequested request = origins.of(body.requestId(), SupportRequested.class, "request");
        String id = Bus.newId();
        bus.send(new RaiseConcern(id, body.requestId(), request.ruleBook(), body.kind(),
                Personal.of("concern:" + id, body.account()), bus.today()));
        return new Created(id);
    }

    @GetMapping
    List<ConcernSummary> list(@RequestParam(required = false) String programmeId) {
        return register.list(programmeId).stream().map(c -> new ConcernSummary(c.concernId(), c.requestId(),
                c.programmeId(), c.kind(), c.raisedOn(), c.open(), c.openings().size())).toList();
    }

    /** Opens the concern: the opening is recorded before anything is shown. */
    @GetMapping("/{concernId}")
    ConcernDetail open(@PathVariable String concernId) {
        bus.send(new OpenConcern(concernId, bus.today()));
        ConcernRegister.Entry c = register.current(concernId).orElseThrow(() -> new NotFound("concern"));
        return new ConcernDetail(c.concernId(), c.requestId(), c.programmeId(), c.kind(), Personal.show(c.account()),
                c.raisedOn(), Personal.show(c.action()), c.actionAgreedOn(), c.openings());
    }

    @PostMapping("/{concernId}/action")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void agreeAction(@PathVariable String concernId, @Valid @RequestBody ActionBody body) {
        bus.send(new AgreeConcernAction(concernId, Personal.of("concern:" + concernId, body.action()), bus.today()));
    }
}
