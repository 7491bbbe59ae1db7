package org.peersupport.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines that survive a restart: a db-scheduler {@link Scheduler} on the JDBC datasource, which
 * Axon picks up to build its {@code DbSchedulerDeadlineManager} (and event scheduler). Axon starts
 * and stops the scheduler; the tasks are Axon's own.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineScheduling {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${peersupport.deadlines.polling-interval:PT5S}") Duration polling) {
        new JdbcTemplate(dataSource).execute("""
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
        return Scheduler.create(dataSource, tasks).threads(2).pollingInterval(polling).alwaysPersistTimestampInUTC()
                .build();
    }
}
