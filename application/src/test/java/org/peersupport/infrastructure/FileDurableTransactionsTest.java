package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.PeerSupportApplication;
import org.peersupport.infrastructure.FileDurableTransactions.FileWrites;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A committed transaction is in the event store's file when the commit returns, though H2 itself
 * writes up to 500 ms later: the file is copied at that moment, as a killed process would leave
 * it, and the copy holds the row.
 */
class FileDurableTransactionsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path copies;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0", "--spring.profiles.active=embedded", "--peersupport.data-dir=" + dataDir,
                "--peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT, "--peersupport.demo.enabled=false",
                "--peersupport.embedded.housekeeping-interval-ms=0");
    }

    @Test
    void aCommitIsInTheFileWhenItReturns() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            jdbc.execute("create table if not exists durability_probe (marker varchar(64))");
            jdbc.execute("checkpoint"); // the table itself is in the file before the test begins

            for (int attempt = 0; attempt < 5; attempt++) {
                String marker = UUID.randomUUID().toString();
                transactions.executeWithoutResult(status ->
                        jdbc.update("insert into durability_probe (marker) values (?)", marker));
                Path copy = copies.resolve("attempt" + attempt + ".mv.db");
                Files.copy(dataDir.resolve("eventstore.mv.db"), copy);

                assertThat(rowsIn(copy, marker)).as("attempt %d: the committed row in the file", attempt).isEqualTo(1);
            }
        }
    }

    /**
     * Processors' transactions only read; had their commits written the file, each would rewrite
     * the pages others had changed since the last write (three quarters of the writes in an append).
     */
    @Test
    void aTransactionThatChangedNothingDoesNotWriteTheFileButOneThatChangedSomethingDoes() {
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            Counter writesByCommitters = app.getBean(MeterRegistry.class).get("peersupport.eventstore.file.writes")
                    .tag("by", "committer").counter();
            jdbc.execute("create table if not exists durability_probe (marker varchar(64))");
            // a change committed without a write, as group commit leaves it to the writer thread
            FileWrites.LEFT_TO_CALLER.set(true);
            try {
                transactions.executeWithoutResult(status ->
                        jdbc.update("insert into durability_probe (marker) values ('left to the writer')"));
            } finally {
                FileWrites.LEFT_TO_CALLER.set(false);
            }
            double before = writesByCommitters.count();

            Integer rows = transactions.execute(status ->
                    jdbc.queryForObject("select count(*) from durability_probe", Integer.class));

            assertThat(rows).isEqualTo(1);
            assertThat(writesByCommitters.count()).as("writes after a transaction that only read").isEqualTo(before);

            transactions.executeWithoutResult(status ->
                    jdbc.update("insert into durability_probe (marker) values ('written')"));

            assertThat(writesByCommitters.count()).as("writes after a transaction that inserted").isEqualTo(before + 1);
        }
    }

    private static int rowsIn(Path copy, String marker) throws SQLException {
        String name = copy.toString().substring(0, copy.toString().length() - ".mv.db".length());
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + name, "sa", "");
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from durability_probe where marker = ?")) {
            query.setString(1, marker);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
