package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.peersupport.PeerSupportApplication;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The production profile, started here without Axon Server or MongoDB to reach: it must wire the
 * Axon Server connector as event store and the external MongoDB URI, and no embedded server or
 * built-in password.
 */
class ProductionProfileWiringTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path scheduler;

    @Test
    void theAxonServerProfileWiresTheConnectorAndTheExternalMongoDb() {
        // A MongoDB-protocol server outside the application, standing in for the production MongoDB.
        MongoServer external = new MongoServer(new MemoryBackend());
        InetSocketAddress address = external.bind();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--spring.profiles.active=axonserver",
                "--server.port=0",
                "--axon.axonserver.servers=127.0.0.1:18124",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/peersupport",
                "--PEERSUPPORT_PRIVACY_MASTER_KEY=" + PeerSupportTest.MASTER_KEY,
                "--OIDC_ISSUER_URI=http://127.0.0.1:1/issuer",
                "--PEERSUPPORT_SCHEDULER_DB=" + scheduler.resolve("scheduler"),
                "--logging.level.org.axonframework=OFF",
                "--logging.level.io.axoniq=OFF",
                "--logging.level.org.mongodb=OFF")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(AxonServerConnectionManager.class)).hasSize(1);
            assertThat(context.getBean(AxonServerConfiguration.class).getServers()).isEqualTo("127.0.0.1:18124");
            MongoClient mongo = context.getBean(MongoClient.class);
            assertThat(mongo.getClusterDescription().getClusterSettings().getHosts())
                    .containsExactly(new ServerAddress("127.0.0.1", address.getPort()));
            assertThat(context.getBeansOfType(MongoServer.class)).as("no embedded Mongo").isEmpty();
            assertThat(context.getBeansOfType(UserDetailsService.class)).as("no built-in passwords").isEmpty();
            assertThat(context.getBeansOfType(JwtDecoder.class)).as("bearer tokens from the identity provider")
                    .hasSize(1);
        } finally {
            external.shutdownNow();
        }
    }
}
