package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.programme.RuleBooks;
import org.peersupport.programme.api.ChangeProgrammeRules;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.programme.api.FindProgramme;
import org.peersupport.programme.api.ListProgrammes;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.programme.api.ProgrammeView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Programme definitions and their versioned rules")
class ProgrammeController {

    private final Bus bus;
    private final RuleBooks ruleBooks;

    ProgrammeController(Bus bus, RuleBooks ruleBooks) {
        this.bus = bus;
        this.ruleBooks = ruleBooks;
    }

    /** Either a template or explicit rules; an identifier may be chosen (lower-case words and dashes). */
    record DefineBody(@Pattern(regexp = "[a-z0-9][a-z0-9-]{2,62}") String programmeId,
                      @NotBlank @Size(max = 200) String name,
                      ProgrammeTemplate template,
                      @Valid ProgrammeRules rules) {
    }

    record RulesBody(@Valid ProgrammeRules rules) {
    }

    record Version(String programmeId, int version) {
    }

    record Template(ProgrammeTemplate template, ProgrammeRules rules) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Version define(@Valid @RequestBody DefineBody body) {
        ProgrammeRules rules = chooseRules(body.template(), body.rules());
        String id = body.programmeId() == null ? Bus.newId() : body.programmeId();
        bus.send(new DefineProgramme(id, body.name().strip(), rules, bus.today()));
        return new Version(id, 1);
    }

    @PutMapping("/{programmeId}/rules")
    Version changeRules(@PathVariable String programmeId, @Valid @RequestBody RulesBody body) {
        if (body.rules() == null) {
            throw new InvalidField("rules", "must not be null");
        }
        ruleBooks.current(programmeId);
        bus.send(new ChangeProgrammeRules(programmeId, RulesCheck.valid(body.rules()), bus.today()));
        return new Version(programmeId, ruleBooks.current(programmeId).version());
    }

    @GetMapping
    List<ProgrammeView> list() {
        return bus.list(new ListProgrammes(), ProgrammeView.class);
    }

    @GetMapping("/templates")
    List<Template> templates() {
        return Arrays.stream(ProgrammeTemplate.values()).map(t -> new Template(t, t.rules())).toList();
    }

    @GetMapping("/{programmeId}")
    ProgrammeView get(@PathVariable String programmeId) {
        return bus.one(new FindProgramme(programmeId), ProgrammeView.class).orElseThrow(() -> new NotFound("programme"));
    }

    private static ProgrammeRules chooseRules(ProgrammeTemplate template, ProgrammeRules rules) {
        if ((template == null) == (rules == null)) {
            throw new InvalidField("template", "give either a template or rules, not both or neither");
        }
        return template != null ? template.rules() : RulesCheck.valid(rules);
    }
}
