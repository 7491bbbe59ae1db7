package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.feedback.api.ConsentToShareFeedback;
import org.peersupport.feedback.api.FeedbackRequested;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.reporting.api.FeedbackListing;
import org.peersupport.reporting.api.FindFeedback;
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
@RequestMapping("/api/feedback")
@Tag(name = "Feedback", description = "Requested after a cycle; sealed until the head consents to share")
class FeedbackController {

    private final Bus bus;
    private final Origins origins;

    FeedbackController(Bus bus, Origins origins) {
        this.bus = bus;
        this.origins = origins;
    }

    record FeedbackBody(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 4000) String comment) {
    }

    record FeedbackView(String feedbackId, String requestId, String programmeId, LocalDate requestedOn, Integer rating,
                        String comment, LocalDate givenOn, boolean sharedWithSupporter, int remindersDue) {

        static FeedbackView of(FeedbackListing f) {
            return new FeedbackView(f.feedbackId(), f.requestId(), f.programmeId(), f.requestedOn(), f.rating(),
                    Personal.show(f.comment()), f.givenOn(), f.sharedWithSupporter(), f.remindersDue());
        }
    }

    @GetMapping
    List<FeedbackView> list(@RequestParam(required = false) String programmeId,
                            @RequestParam(required = false) String requestId) {
        return bus.list(new FindFeedback(programmeId, requestId), FeedbackListing.class).stream()
                .map(FeedbackView::of).toList();
    }

    /** The head's feedback, recorded by the coordinator; the comment is sealed under the head's key. */
    @PostMapping("/{feedbackId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void give(@PathVariable String feedbackId, @Valid @RequestBody FeedbackBody body) {
        FeedbackRequested origin = origins.of(feedbackId, FeedbackRequested.class, "feedback request");
        bus.send(new GiveFeedback(feedbackId, body.rating(), Personal.of(origin.headSubject(), body.comment()),
                bus.today()));
    }

    @PostMapping("/{feedbackId}/consent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void consent(@PathVariable String feedbackId) {
        bus.send(new ConsentToShareFeedback(feedbackId, bus.today()));
    }
}
