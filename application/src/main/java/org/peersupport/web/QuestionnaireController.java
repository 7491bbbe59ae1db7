package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.peersupport.feedback.api.QuestionnaireKind;
import org.peersupport.feedback.api.RecordQuestionnaire;
import org.peersupport.programme.RuleBooks;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline and evaluation questionnaires, entered by the coordinator. Anonymous: no person is
 * recorded with a response, and results appear only as averages in the oversight report.
 */
@RestController
@Tag(name = "Impact monitoring", description = "Baseline and evaluation questionnaires, reported as aggregates")
class QuestionnaireController {

    private final Bus bus;
    private final RuleBooks ruleBooks;

    QuestionnaireController(Bus bus, RuleBooks ruleBooks) {
        this.bus = bus;
        this.ruleBooks = ruleBooks;
    }

    record QuestionnaireBody(@NotBlank @Size(max = 64) String programmeId, @NotNull QuestionnaireKind kind,
                             @NotEmpty @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull Integer> scores) {
    }

    @PostMapping("/api/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    Created record(@Valid @RequestBody QuestionnaireBody body) {
        String id = Bus.newId();
        bus.send(new RecordQuestionnaire(id, ruleBooks.current(body.programmeId()), body.kind(), body.scores(),
                bus.today()));
        return new Created(id);
    }
}
