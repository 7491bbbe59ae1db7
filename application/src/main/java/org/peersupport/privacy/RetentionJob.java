package org.peersupport.privacy;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.peersupport.kernel.RuleBook;
import org.peersupport.privacy.api.ApplyRetention;
import org.peersupport.programme.RuleBooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies each programme's retention rule every night: a person whose involvement ended more than
 * the programme's retention period ago is erased, with a {@code RetentionPeriodEnded} event saying why.
 * The programme's current rule applies, so shortening a period takes effect on existing data.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSchedule schedule;
    private final RuleBooks ruleBooks;
    private final CommandGateway commands;
    private final Clock clock;

    RetentionJob(RetentionSchedule schedule, RuleBooks ruleBooks, CommandGateway commands, Clock clock) {
        this.schedule = schedule;
        this.ruleBooks = ruleBooks;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(cron = "${peersupport.retention.cron:0 30 2 * * *}")
    void nightly() {
        int erased = sweep(LocalDate.now(clock));
        LOG.info("Retention applied: {} subjects erased", erased);
    }

    /** Erases everyone whose retention period ended on or before {@code today}; returns how many. */
    public int sweep(LocalDate today) {
        int erased = 0;
        for (RetentionSchedule.Entry entry : schedule.ended()) {
            RuleBook book = ruleBooks.current(entry.programmeId());
            Integer years = book.rules().retentionYearsAfterClose();
            LocalDate keptUntil = years == null ? null : entry.keptUntil(years);
            if (keptUntil != null && !keptUntil.isAfter(today)) {
                commands.sendAndWait(new ApplyRetention(entry.subject(), entry.programmeId(), today));
                erased++;
            }
        }
        return erased;
    }
}
