package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.peersupport.privacy.SubjectAccess;
import org.peersupport.privacy.SubjectIndex;
import org.peersupport.privacy.api.CarryOutErasure;
import org.peersupport.privacy.api.RecordSubjectAccess;
import org.peersupport.privacy.api.RequestErasure;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A person's rights over their data, exercised by the coordinator on their behalf. Subjects are
 * named as in the API's views: {@code head:<id>} or {@code supporter:<id>}.
 */
@RestController
@RequestMapping("/api/subjects/{subject}")
@Tag(name = "Data subjects", description = "Subject access (a copy of everything held) and erasure")
class SubjectController {

    private static final Pattern SUBJECT = Pattern.compile("(head|supporter):[A-Za-z0-9-]{1,64}");

    private final Bus bus;
    private final SubjectIndex index;
    private final SubjectAccess access;

    SubjectController(Bus bus, SubjectIndex index, SubjectAccess access) {
        this.bus = bus;
        this.index = index;
        this.access = access;
    }

    record ErasureDue(String subject, LocalDate requestedOn, LocalDate dueBy) {
    }

    /** Records the person's request; it is carried out when the coordinator confirms, or at the deadline. */
    @PostMapping("/erasure-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureDue requestErasure(@PathVariable String subject) {
        known(subject);
        LocalDate today = bus.today();
        bus.send(new RequestErasure(subject, today));
        return new ErasureDue(subject, today, today.plusMonths(1));
    }

    @PostMapping("/erasure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable String subject) {
        known(subject);
        bus.send(new CarryOutErasure(subject, bus.today()));
    }

    /** Produces the copy and records that it was produced. {@code format=html} gives a printable page. */
    @PostMapping("/access")
    ResponseEntity<?> subjectAccess(@PathVariable String subject,
                                    @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("html")) {
            throw new InvalidField("format", "must be json or html");
        }
        known(subject);
        bus.send(new RecordSubjectAccess(subject, bus.today()));
        SubjectAccess.Export export = access.export(subject, bus.today());
        if (format.equals("html")) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(printable(export));
        }
        return ResponseEntity.ok(export);
    }

    private void known(String subject) {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new InvalidField("subject", "must look like head:<id> or supporter:<id>");
        }
        if (index.holdingsOf(subject).isEmpty()) {
            throw new NotFound("data subject");
        }
    }

    private static String printable(SubjectAccess.Export export) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Data held about ").append(e(export.subject())).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}</style>")
                .append("</head><body><h1>Data held about ").append(e(export.subject())).append("</h1>")
                .append("<p>Produced on ").append(export.producedOn()).append(export.erased()
                        ? ". This person's data has been erased; only the facts of what happened remain." : ".")
                .append("</p>");
        for (SubjectAccess.Held held : export.records()) {
            html.append("<h2>").append(e(held.aggregateType())).append(" ").append(e(held.aggregateId()))
                    .append("</h2><table><tr><th>#</th><th>What happened</th><th>When</th><th>By</th><th>Details</th></tr>");
            for (SubjectAccess.Fact fact : held.history()) {
                html.append("<tr><td>").append(fact.sequence()).append("</td><td>").append(e(fact.type()))
                        .append("</td><td>").append(fact.timestamp()).append("</td><td>")
                        .append(e(fact.actor() == null ? "" : fact.actor())).append("</td><td>");
                for (Map.Entry<String, Object> field : fact.data().entrySet()) {
                    html.append("<b>").append(e(field.getKey())).append("</b>: ")
                            .append(e(String.valueOf(field.getValue()))).append("<br>");
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
