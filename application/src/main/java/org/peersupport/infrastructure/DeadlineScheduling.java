package org.peersupport.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart: a db-scheduler {@link Scheduler} on the JDBC datasource, and
 * Axon's deadline manager on it with cancellation through an index ({@link IndexedDeadlineManager}).
 * The deadline manager starts the scheduler once Axon has started, and stops it on shutdown; the
 * tasks are Axon's own.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineScheduling {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                @Value("${peersupport.deadlines.polling-interval:PT5S}") Duration polling) {
        JdbcTemplate ddl = new JdbcTemplate(dataSource);
        ddl.execute("""
                create table if not exists scheduled_tasks (
                  task_name varchar(100) not null,
                  task_instance varchar(100) not null,
                  task_data blob,
                  execution_time timestamp(6) with time zone not null,
                  picked boolean not null,
                  picked_by varchar(50),
                  last_success timestamp(6) with time zone,
                  last_failure timestamp(6) with time zone,
                  consecutive_failures int,
                  last_heartbeat timestamp(6) with time zone,
                  version bigint not null,
                  priority smallint,
                  primary key (task_name, task_instance))""");
        // db-scheduler's own recommendation: polling asks by execution time, dead-execution checks
        // by heartbeat; without these each poll reads every scheduled deadline.
        ddl.execute("create index if not exists execution_time_idx on scheduled_tasks (execution_time)");
        ddl.execute("create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
        // The scheduler's time starts from the application's clock and then runs at real speed, so
        // a pinned clock (tests, demonstrations) fires what is due by its date and nothing later.
        // (A clock that stands still would stall db-scheduler's polling, which waits on elapsed time.)
        Duration offset = Duration.between(Instant.now(), clock.instant());
        // Inside a unit of work the scheduler writes through its transaction: a deadline is
        // scheduled or cancelled exactly when the events deciding it commit, in the same commit.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(2).pollingInterval(polling).alwaysPersistTimestampInUTC()
                .clock(() -> Instant.now().plus(offset)).build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler,
                                               org.axonframework.config.Configuration configuration,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory, DataSource dataSource) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(true)
                .stopScheduler(true);
        return new IndexedDeadlineManager(builder, scheduler, serializer, new JdbcTemplate(dataSource));
    }
}
