package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.peersupport.privacy.RetentionJob;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Data subjects")
class RetentionController {

    private final RetentionJob retention;
    private final Bus bus;

    RetentionController(RetentionJob retention, Bus bus) {
        this.retention = retention;
        this.bus = bus;
    }

    record RetentionRun(int erased) {
    }

    /** Runs the nightly retention job now, as of today. */
    @PostMapping("/api/admin/retention/run")
    RetentionRun run() {
        return new RetentionRun(retention.sweep(bus.today()));
    }
}
