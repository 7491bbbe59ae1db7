package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.lifecycle.api.ChooseSupporter;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.matching.api.DeclineMatch;
import org.peersupport.matching.api.DeclinedBy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matches")
@Tag(name = "Matches", description = "The head's choice, acceptance (supporter will make contact), decline")
class MatchController {

    private final Bus bus;

    MatchController(Bus bus) {
        this.bus = bus;
    }

    record ChoiceBody(@NotBlank @Size(max = 64) String supporterId) {
    }

    record DeclineBody(@NotNull DeclinedBy declinedBy) {
    }

    @PostMapping("/{matchId}/choice")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choose(@PathVariable String matchId, @Valid @RequestBody ChoiceBody body) {
        bus.send(new ChooseSupporter(matchId, body.supporterId(), bus.today()));
    }

    @PostMapping("/{matchId}/acceptance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void accept(@PathVariable String matchId) {
        bus.send(new AcceptMatch(matchId, bus.today()));
    }

    @PostMapping("/{matchId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@PathVariable String matchId, @Valid @RequestBody DeclineBody body) {
        bus.send(new DeclineMatch(matchId, body.declinedBy(), bus.today()));
    }
}
