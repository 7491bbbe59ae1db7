package org.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(Files.readString(docs.resolve("components.puml"))).contains("Supporter", "Matching", "Request", "Feedback");
    }
}
