package org.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails the build when a module reaches into another's internals (anything outside its base
 * package or its {@code api} named interface) or when modules depend on each other in a cycle;
 * writes the module diagrams into {@code docs/modules}.
 */
class ModuleBoundaryTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PeerSupportApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublicSurfaceAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void theDomainModulesAreAllPresent() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("kernel", "supporter", "request", "matching", "feedback", "programme", "lifecycle",
                        "reporting", "web", "security", "privacy");
    }

    @Test
    void writesTheModuleDiagramIntoTheDocs() throws Exception {
        Path docs = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> diagrams = Files.list(docs)) {
            for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
        assertThat(Files.readString(docs.resolve("components.puml"))).contains("Supporter", "Matching", "Request", "Feedback");
    }

    /**
     * The documenter lists a diagram's relations in no fixed order, so every test run rewrote the
     * committed diagrams; each run of relation lines is sorted (the diagram drawn is the same).
     */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        List<String> sorted = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            sorted.addAll(relations);
            relations.clear();
            sorted.add(line);
        }
        relations.sort(null);
        sorted.addAll(relations);
        Files.write(diagram, sorted);
    }
}
