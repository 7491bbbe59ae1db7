package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.peersupport.reporting.api.GetOversightReport;
import org.peersupport.reporting.api.OversightReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Oversight of the programme: counts and rates, no individuals")
class ReportController {

    private final Bus bus;

    ReportController(Bus bus) {
        this.bus = bus;
    }

    @GetMapping("/oversight")
    OversightReport oversight(@RequestParam(required = false) String programmeId) {
        return bus.single(new GetOversightReport(programmeId), OversightReport.class);
    }
}
