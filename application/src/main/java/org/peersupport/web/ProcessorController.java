package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.peersupport.reporting.ReadModelRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/processors")
@Tag(name = "Projections", description = "Event processors: status, and rebuilding a read model by replay")
class ProcessorController {

    private final EventProcessingConfiguration processing;
    private final ReadModelRebuild rebuild;

    ProcessorController(EventProcessingConfiguration processing, ReadModelRebuild rebuild) {
        this.processing = processing;
        this.rebuild = rebuild;
    }

    record ProcessorView(String name, boolean running, boolean replaying, boolean error, boolean supportsReset) {
    }

    @GetMapping
    List<ProcessorView> list() {
        return processing.eventProcessors().values().stream().map(ProcessorController::view).toList();
    }

    /** Drops the read model and rebuilds it from the whole history. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorView replay(@PathVariable String name) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NotFound("tracking processor"));
        if (!processor.supportsReset()) {
            throw new InvalidField("name", "this processor cannot be replayed");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return view(processor);
    }

    /**
     * Drops every read model and rebuilds them all in one pass over the history (faster than
     * replaying each: the store is read once). Answers when the pass is done; events recorded
     * meanwhile are handled as the processors resume.
     */
    @PostMapping("/rebuild")
    ReadModelRebuild.Result rebuildAll() {
        return rebuild.rebuildAll();
    }

    private static ProcessorView view(EventProcessor p) {
        if (p instanceof TrackingEventProcessor t) {
            return new ProcessorView(t.getName(), t.isRunning(), t.isReplaying(), t.isError(), t.supportsReset());
        }
        return new ProcessorView(p.getName(), p.isRunning(), false, p.isError(), false);
    }
}
