package org.peersupport.infrastructure;

import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Every transaction on the H2 database is in the file before its commit returns, so a command is
 * acknowledged only once its events would survive a kill -9 (the crash harness's check).
 * <p>
 * H2 can do this itself ({@code WRITE_DELAY=0}), but then it runs no background writer, and
 * nothing frees or compacts the file's superseded chunks: under load the file grew without bound
 * (H2 issue #442). So H2 keeps its background writer, which does that housekeeping, and each
 * commit here asks the store to write what is committed. Commits that arrive while one write is
 * under way are written together by the next: group commit.
 */
@Configuration(proxyBeanMethods = false)
class FileDurableTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new FileDurableTransactionManager(dataSource);
    }

    static final class FileDurableTransactionManager extends JdbcTransactionManager {

        private final MVStore store;

        /** Finds the file once, here: a commit asking the pool for a connection could wait forever. */
        FileDurableTransactionManager(DataSource dataSource) {
            super(dataSource);
            this.store = H2Files.mvStore(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            super.doCommit(status);
            if (store != null && !store.isClosed()) {
                store.commit();
            }
        }
    }
}
