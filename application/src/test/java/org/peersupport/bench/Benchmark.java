package org.peersupport.bench;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.peersupport.PeerSupportApplication;
import org.peersupport.crash.AppProcess;
import org.peersupport.crash.Http;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.InspectionJudgement;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.lifecycle.api.ChooseSupporter;
import org.peersupport.lifecycle.api.ShareSupporterProfiles;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.programme.RuleBooks;
import org.peersupport.reporting.ReadModelRebuild;
import org.peersupport.programme.api.DefineProgramme;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.request.api.CloseCycle;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.RequestSupport;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.StartCycle;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.SupporterProfile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark command (README, docs/benchmarks.md). Starts the application on the embedded
 * default in a fresh directory, then measures, in one run:
 * <ol>
 * <li>append throughput through the command path (whole support lifecycles, several threads), after
 * an unmeasured warm-up;</li>
 * <li>command round trip at a fixed rate (p50/p99);</li>
 * <li>full rebuild of every projection, against the raw read-and-deserialise rate of the same store;</li>
 * <li>start-up to ready with the store full (in the same JVM, then as a new process of the packaged
 * application), and heap after the rebuild.</li>
 * </ol>
 * Results go to stdout and {@code target/bench/results.jsonl} as JSON lines.
 * Arguments: {@code --events N} (default 50000), {@code --threads T} concurrent callers (default 32:
 * throughput is measured with enough callers to keep the command path busy; group commit stores
 * the commands that arrive together in one commit), {@code --warm-up S} seconds of the same
 * workload first, not measured (default 90; 0 for none),
 * {@code --rate R} commands/s for the latency run (default 200), {@code --seconds S} (default 10),
 * {@code --live-processors off} (the append with every event processor stopped: the command path
 * alone; they start again after it), {@code --per-transaction K} (K lifecycles per transaction in
 * each thread, a diagnostic: the application commits each command on its own),
 * {@code --store DIR} keeps the store in DIR instead of a fresh temporary directory; run again with
 * the same DIR, it skips the append and latency runs and measures rebuild, heap and start-up on
 * that store (a million events take about 20 minutes to append), or with {@code --only rebuild}
 * the raw reads, the rebuild and heap alone; with {@code --only append} as
 * well, it appends N more events on top of that store instead (the append on a large store in
 * minutes).
 */
public final class Benchmark {

    private static final Path OUT = Path.of("target", "bench", "results.jsonl");
    private static final String[] PROJECTIONS = ReadModelRebuild.READ_MODELS.toArray(String[]::new);
    private static final LocalDate DAY = LocalDate.of(2026, 9, 7);
    // The day before the workload's dates: its deadlines are all still to come, so none fires
    // between a match's choice and its acceptance.
    private static final String CLOCK = "--peersupport.clock.fixed=" + DAY.minusDays(1) + "T12:00:00Z";
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The cold start's heap: the ceiling for heap after a rebuild. */
    private static final String COLD_HEAP = "512m";

    /** The append's rate is also given for each interval this long, to show it steady. */
    private static final int INTERVAL_SECONDS = 10;

    private final int targetEvents;
    private final int threads;
    private final int warmUpSeconds;
    private final int rate;
    private final int seconds;
    private final boolean liveProcessors;
    private final int perTransaction;
    /** --only append: the append and latency runs alone, for comparing settings quickly. */
    private final boolean appendOnly;
    /** --only rebuild: on a kept store, the raw reads and the rebuild alone (no replayEach, no start-ups). */
    private final boolean rebuildOnly;
    /**
     * --rebuilds N (2 by default): raw reads and rebuild N times over. The first rebuild is a
     * warm-up, as the first raw read is: it runs while the JIT compiles the rebuild's own paths
     * (its writes, the read-ahead), and is printed as rebuildWarmUp; the later ones are measured.
     */
    private final int rebuilds;
    private final Path dataDir;
    /** A store of the run's own (no --store), removed at the end: each run left a gigabyte behind. */
    private final boolean temporary;
    private final boolean reused;

    private Benchmark(Map<String, String> args) throws IOException {
        this.targetEvents = Integer.parseInt(args.getOrDefault("events", "50000"));
        this.threads = Integer.parseInt(args.getOrDefault("threads", "32"));
        this.warmUpSeconds = Integer.parseInt(args.getOrDefault("warm-up", "90"));
        this.rate = Integer.parseInt(args.getOrDefault("rate", "200"));
        this.seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
        this.liveProcessors = !"off".equals(args.getOrDefault("live-processors", "on"));
        this.perTransaction = Math.max(1, Integer.parseInt(args.getOrDefault("per-transaction", "1")));
        this.appendOnly = "append".equals(args.get("only"));
        this.rebuildOnly = "rebuild".equals(args.get("only"));
        this.rebuilds = Math.max(1, Integer.parseInt(args.getOrDefault("rebuilds", "2")));
        String store = args.get("store");
        this.temporary = store == null;
        this.dataDir = temporary ? Files.createTempDirectory("peersupport-bench") : Path.of(store).toAbsolutePath();
        this.reused = Files.exists(dataDir.resolve("eventstore.mv.db"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Files.createDirectories(OUT.getParent());
        Files.deleteIfExists(OUT);
        Benchmark benchmark = new Benchmark(args);
        try {
            benchmark.run();
        } finally {
            if (benchmark.temporary) {
                FileSystemUtils.deleteRecursively(benchmark.dataDir);
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long events;
        try (ConfigurableApplicationContext app = start()) {
            if (reused && !appendOnly) {
                // A store left by an earlier run (--store): measure what reads it, not the append.
                events = storeSize(app);
                emit("append", Map.of("skipped", "store reused: " + dataDir, "storedEvents", events));
            } else {
                // On a kept store, a workload of its own (new programme, supporters and requests).
                Workload workload = new Workload(app, reused ? "r" + System.currentTimeMillis() + "-" : "");
                workload.setUp();
                events = appendThroughput(app, workload);
                commandLatency(workload);
                if (appendOnly) {
                    return;
                }
            }
            // Every processor, not only the projections: one still catching up would share the CPU
            // with the raw reads and the rebuild, and slow the stopping of the projections.
            allCaughtUp(app, storeHead(app));
            double rawRate = 0;
            for (int pass = 1; pass <= rebuilds; pass++) {
                rawRate = rebuildAgainstRawRead(app, pass, pass == 1 && rebuilds > 1);
            }
            if (rebuildOnly) {
                return;
            }
            eachReplayingAlone(app, rawRate);
        }
        long startedAt = System.nanoTime();
        try (ConfigurableApplicationContext again = start()) {
            long readyMs = (System.nanoTime() - startedAt) / 1_000_000;
            emit("startup", Map.of("storedEvents", events, "readyMs", readyMs, "targetMs", 10_000,
                    "note", "same JVM, warm: a cold process start adds class loading"));
        }
        coldStart(events);
    }

    // 5. Start-up as an operator sees it: the application started as a new process on the full
    // store, to /actuator/health UP (JVM start, class loading and opening the stores included).
    // Twice each: the first start after a long run may find the files out of the OS cache. First
    // the README's run command (what the build leaves in target/app: the jar extracted, with the
    // class-data-sharing archive of a training start), then the uber jar alone, as a reference.
    private void coldStart(long events) throws Exception {
        Path jar = Path.of("target", "peersupport.jar").toAbsolutePath();
        Path app = Path.of("target", "app").toAbsolutePath();
        Path archive = app.resolve("peersupport.jsa");
        if (!Files.exists(jar) || !Files.exists(archive)) {
            emit("startupCold", Map.of("skipped", "not packaged: no " + jar + " or " + archive));
            return;
        }
        Path logs = OUT.getParent().toAbsolutePath();
        List<Long> readmeMs = startTwice(new AppProcess(app.resolve("peersupport.jar"),
                List.of("-XX:SharedArchiveFile=" + archive), dataDir, logs, COLD_HEAP, coldArgs(), coldHttp()));
        List<Long> plainMs = startTwice(new AppProcess(jar, dataDir, logs, COLD_HEAP, coldArgs(), coldHttp()));
        emit("startupCold", Map.of("storedEvents", events, "readyMs", readmeMs, "plainJarMs", plainMs,
                "heap", COLD_HEAP, "targetMs", 10_000,
                "note", "a new process each time, to /actuator/health UP: readyMs by the README's run command "
                        + "(target/app with its class-data-sharing archive), plainJarMs by java -jar target/peersupport.jar"));
    }

    private static List<Long> startTwice(AppProcess process) throws Exception {
        List<Long> readyMs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            readyMs.add(process.start(180_000));
            process.stop();
        }
        return readyMs;
    }

    private static List<String> coldArgs() {
        return List.of(CLOCK);
    }

    private static Http coldHttp() {
        return new Http(Duration.ofSeconds(5));
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=embedded",
                "--peersupport.data-dir=" + dataDir,
                "--peersupport.demo.enabled=false",
                CLOCK,
                "--logging.level.root=WARN",
                "--logging.level.org.axonframework=ERROR");
    }

    // 1. Append throughput: whole lifecycles through the command bus, from several threads, once
    // the JVM is warm (a warm-up run first, not counted: see warmUp).
    private long appendThroughput(ConfigurableApplicationContext app, Workload workload) throws Exception {
        warmUp(app, workload);
        long before = storeSize(app);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        if (!liveProcessors) {
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        }
        double[] groupsBefore = groupCommits(app);
        double rerunBefore = commandsRunAgain(app);
        Map<String, Double> missesBefore = aggregateCacheMisses(app);
        double[] writesBefore = fileWrites(app);
        long readModelVersionBefore = readModelFileVersion(app);
        long cpuBefore = processCpuNanos();
        Map<Long, Long> threadCpuBefore = threadCpuNanos();
        long compileBefore = compileMillis();
        AtomicInteger deadlockRetries = new AtomicInteger();
        int lifecycles = Math.max(1, targetEvents / Workload.EVENTS_PER_LIFECYCLE);
        long start = System.nanoTime();
        List<Double> intervals = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long[] last = {before, start};
        sampler.scheduleAtFixedRate(() -> {
            long stored = storeSize(app);
            long now = System.nanoTime();
            intervals.add(round((stored - last[0]) / ((now - last[1]) / 1e9)));
            last[0] = stored;
            last[1] = now;
        }, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
        drive(app, workload, "b", lifecycles, Long.MAX_VALUE, deadlockRetries);
        double secs = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        long appended = storeSize(app) - before;
        double cpuSecs = (processCpuNanos() - cpuBefore) / 1e9;
        double[] groupsAfter = groupCommits(app);
        double rerun = commandsRunAgain(app) - rerunBefore;
        Map<String, Long> misses = new TreeMap<>();
        aggregateCacheMisses(app).forEach((cache, n) -> misses.put(cache, (long) (n - missesBefore.getOrDefault(cache, 0.0))));
        double[] writesAfter = fileWrites(app);
        long readModelWrites = readModelFileVersion(app) - readModelVersionBefore;
        // The processors may still be behind when the last command returns: their work is part of
        // the cost of each event too, so the same figures again once every processor has caught up.
        double caughtUpSecs = secs;
        double caughtUpCpuSecs = cpuSecs;
        if (liveProcessors) {
            allCaughtUp(app, storeHead(app));
            caughtUpSecs = (System.nanoTime() - start) / 1e9;
            caughtUpCpuSecs = (processCpuNanos() - cpuBefore) / 1e9;
        }
        Map<String, Double> cpuByPart = new TreeMap<>();
        cpuSinceByPart(threadCpuBefore).forEach((part, nanos) -> cpuByPart.put(part, round(nanos / 1e3 / appended)));
        double commits = groupsAfter[0] - groupsBefore[0];
        emit("append", figures("events", appended, "storedBefore", before, "seconds", round(secs),
                "eventsPerSecond", round(appended / secs),
                "cpuMsPer1000Events", round(cpuSecs * 1e6 / appended), "cpuBusy", round(cpuSecs / secs / CORES),
                "threads", threads, "liveProcessors", liveProcessors, "lifecyclesPerTransaction", perTransaction,
                "deadlockRetries", deadlockRetries.get(), "warmUpSeconds", warmUpSeconds,
                "compileMsDuringAppend", compileMillis() - compileBefore,
                "eventsPerSecondEach" + INTERVAL_SECONDS + "s", intervals,
                "commandsPerCommit", commits == 0 ? 1 : round((groupsAfter[1] - groupsBefore[1]) / commits),
                "commandsRunAgainAlone", (long) rerun, "aggregateCacheMisses", misses,
                "fileWritesPerSecond", round((writesAfter[0] + writesAfter[1] - writesBefore[0] - writesBefore[1]) / secs),
                "fileWritesByCommittersPerSecond", round((writesAfter[1] - writesBefore[1]) / secs),
                "readModelFileWritesPerSecond", round(readModelWrites / secs),
                "processorsCaughtUpSeconds", round(caughtUpSecs),
                "eventsPerSecondProcessorsCaughtUp", round(appended / caughtUpSecs),
                "cpuMsPer1000EventsProcessorsCaughtUp", round(caughtUpCpuSecs * 1e6 / appended),
                "cpuMsPer1000EventsByPart", cpuByPart,
                "target", 5000, "eventStoreMb", fileMb("eventstore.mv.db"), "readModelStoreMb", fileMb("readmodels.mv")));
        if (!liveProcessors) {
            processing.eventProcessors().values().forEach(EventProcessor::start);
        }
        return storeSize(app);
    }

    /**
     * Runs the workload unmeasured until the JIT has compiled the hot paths. On two cores the
     * compiler was busy for most of the first minute of an append (its time was half the process's
     * CPU at 20-50 s, the compilation bean's total), and the append's rate nearly tripled between
     * the first 10 s and the sixth; a measure that includes that is mostly of the warm-up. Then waits
     * for every processor to catch up, so the measured append starts with none behind.
     */
    private void warmUp(ConfigurableApplicationContext app, Workload workload) throws Exception {
        if (warmUpSeconds <= 0) {
            return;
        }
        long before = storeSize(app);
        long compileBefore = compileMillis();
        long start = System.nanoTime();
        drive(app, workload, "w", Integer.MAX_VALUE, start + TimeUnit.SECONDS.toNanos(warmUpSeconds),
                new AtomicInteger());
        double secs = (System.nanoTime() - start) / 1e9;
        long events = storeSize(app) - before;
        allCaughtUp(app, storeHead(app));
        emit("warmup", figures("events", events, "seconds", round(secs), "eventsPerSecond", round(events / secs),
                "compileMs", compileMillis() - compileBefore, "threads", threads,
                "note", "not measured: the JIT compiling the hot paths; every processor caught up after it"));
    }

    /**
     * Runs lifecycles {@code prefix + k} for k from 0 up to {@code lifecycles}, or until the deadline
     * (System.nanoTime), from the benchmark's threads.
     */
    private void drive(ConfigurableApplicationContext app, Workload workload, String prefix, int lifecycles,
                       long deadline, AtomicInteger deadlockRetries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndAdd(perTransaction)) < lifecycles) {
                    int first = i;
                    int last = Math.min(lifecycles, first + perTransaction);
                    inOneTransaction(app, perTransaction, deadlockRetries, () -> {
                        for (int k = first; k < last; k++) {
                            workload.lifecycle(prefix + k);
                        }
                    });
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Time the JIT compilers have spent so far (the compilation bean's total). */
    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Waits until every tracking processor (projections, sagas, privacy processes) has reached the head. */
    private static void allCaughtUp(ConfigurableApplicationContext app, long head) throws InterruptedException {
        List<TrackingEventProcessor> all = app.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .stream().filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .toList();
        List<String> behind = behindAfter(all, head, TimeUnit.MINUTES.toMillis(30));
        if (!behind.isEmpty()) {
            throw new IllegalStateException("processors did not catch up: " + behind);
        }
    }

    /** Commits made by group commit and the commands they stored (zeros when it is off). */
    private static double[] groupCommits(ConfigurableApplicationContext app) {
        DistributionSummary groups = app.getBean(MeterRegistry.class).find("peersupport.commands.group.size").summary();
        return groups == null ? new double[] {0, 0} : new double[] {groups.count(), groups.totalAmount()};
    }

    /** Commands group commit ran again on their own after their group was rolled back (0 when it is off). */
    private static double commandsRunAgain(ConfigurableApplicationContext app) {
        Counter rerun = app.getBean(MeterRegistry.class).find("peersupport.commands.group.rerun").counter();
        return rerun == null ? 0 : rerun.count();
    }

    /** Lookups of a loaded aggregate that missed its cache so far, by cache (a miss replays the record's history). */
    private static Map<String, Double> aggregateCacheMisses(ConfigurableApplicationContext app) {
        Map<String, Double> misses = new TreeMap<>();
        app.getBean(MeterRegistry.class).find("peersupport.aggregates.cache.lookups").tag("result", "miss")
                .functionCounters().forEach(c -> misses.put(c.getId().getTag("cache"), c.count()));
        return misses;
    }

    /** The read-model store's file version: one more for each write of the file (0 if not an H2 file). */
    private static long readModelFileVersion(ConfigurableApplicationContext app) {
        return app.getBean(MongoBackend.class) instanceof H2Backend h2 ? h2.getMvStore().getCurrentVersion() : 0;
    }

    /** Writes of the event store's file so far: by its writer thread, and by committing threads. */
    private static double[] fileWrites(ConfigurableApplicationContext app) {
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        return new double[] {fileWrites(registry, "writer"), fileWrites(registry, "committer")};
    }

    private static double fileWrites(MeterRegistry registry, String by) {
        Counter writes = registry.find("peersupport.eventstore.file.writes").tag("by", by).counter();
        return writes == null ? 0 : writes.count();
    }

    /**
     * Runs the work in one unit of work and transaction when more than one lifecycle is asked for
     * (--per-transaction): the commands it sends join it, and their events are stored in one commit.
     * A diagnostic of what commands grouped into one commit would cost; the application itself
     * commits each command on its own.
     */
    private static void inOneTransaction(ConfigurableApplicationContext app, int perTransaction,
                                         AtomicInteger deadlockRetries, Runnable work) {
        if (perTransaction == 1) {
            work.run();
            return;
        }
        // Lifecycles share supporters, and a transaction holds every record it touched locked until
        // it commits: two threads can each wait for the other. Axon detects it; the loser's
        // transaction is rolled back whole and run again.
        for (int attempt = 0; ; attempt++) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                    GenericCommandMessage.asCommandMessage("lifecycles"));
            unitOfWork.attachTransaction(app.getBean(TransactionManager.class));
            try {
                unitOfWork.execute(work);
                return;
            } catch (RuntimeException e) {
                if (attempt == 20 || !causedByDeadlock(e)) {
                    throw e;
                }
                deadlockRetries.incrementAndGet();
            }
        }
    }

    private static boolean causedByDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeadlockException) {
                return true;
            }
        }
        return false;
    }

    // 2. Round trip of single commands at a fixed rate.
    private void commandLatency(Workload workload) throws Exception {
        int total = rate * seconds;
        long[] micros = new long[total];
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
        AtomicInteger sent = new AtomicInteger();
        List<String> supporters = workload.evidenceTargets();
        long periodNanos = 1_000_000_000L / rate;
        var handle = ticker.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            long t0 = System.nanoTime();
            workload.evidence(supporters.get(i % supporters.size()));
            micros[i] = (System.nanoTime() - t0) / 1000;
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        handle.cancel(false);
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        long[] sorted = Arrays.stream(micros).filter(m -> m > 0).sorted().toArray();
        emit("latency", Map.of("commands", sorted.length, "ratePerSecond", rate,
                "p50Ms", round(sorted[sorted.length / 2] / 1000.0),
                "p99Ms", round(sorted[(int) (sorted.length * 0.99)] / 1000.0),
                "maxMs", round(sorted[sorted.length - 1] / 1000.0), "targetP99Ms", 20));
    }

    // 3. Rebuild every projection, compared with reading and deserialising the same store.
    private record RawRead(long events, double perSecond) {
    }

    /** Reads and deserialises every event up to the head. */
    private static RawRead rawRead(EventStore store, long head) throws InterruptedException {
        long events = 0;
        long start = System.nanoTime();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload();
                events++;
                if (event.trackingToken().position().orElse(0) >= head) {
                    break;
                }
            }
        }
        return new RawRead(events, events / ((System.nanoTime() - start) / 1e9));
    }

    /** Returns the raw read rate, the baseline for the per-processor replay too. */
    private double rebuildAgainstRawRead(ConfigurableApplicationContext app, int pass, boolean warmUp)
            throws Exception {
        EventStore store = app.getBean(EventStore.class);
        long head = storeHead(app);
        // The baseline is the faster of two raw reads: the first also warms the JIT up (just after
        // start-up, as on a store reused by --store), and a slow baseline would flatter the ratio.
        RawRead first = rawRead(store, head);
        RawRead second = rawRead(store, head);
        double rawRate = Math.max(first.perSecond(), second.perSecond());

        // The product's full rebuild: every read model in one pass over the store.
        long cpuBefore = processCpuNanos();
        ReadModelRebuild.Result rebuilt = app.getBean(ReadModelRebuild.class).rebuildAll();
        double cpuSecs = (processCpuNanos() - cpuBefore) / 1e9;
        awaitCaughtUp(app, head);
        double rebuildSecs = rebuilt.millis() / 1000.0;
        double rebuildRate = rebuilt.events() / rebuildSecs;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        emit(warmUp ? "rebuildWarmUp" : "rebuild", figures("pass", pass, "events", rebuilt.events(),
                "projections", PROJECTIONS.length, "seconds", round(rebuildSecs), "eventsPerSecond", round(rebuildRate),
                "rawReadEventsPerSecond", round(rawRate),
                "rawReadPasses", List.of(round(first.perSecond()), round(second.perSecond())),
                "ratioToRawRead", round(rebuildRate / rawRate),
                "passOnlyEventsPerSecond", round(rebuilt.events() / (rebuilt.passMillis() / 1000.0)),
                "cpuMsPer1000Events", round(cpuSecs * 1e6 / rebuilt.events()),
                "cpuBusy", round(cpuSecs / rebuildSecs / CORES),
                "target", 20000, "targetRatio", 0.5));
        emit("heap", Map.of("afterRebuildMb", heapMb, "targetMb", 512));
        return rawRate;
    }

    private void eachReplayingAlone(ConfigurableApplicationContext app, double rawRate) throws Exception {
        long head = storeHead(app);
        long events = storeSize(app);
        // For comparison, each processor replaying on its own (POST /api/admin/processors/{name}/replay).
        List<TrackingEventProcessor> processors = projections(app);
        processors.forEach(TrackingEventProcessor::shutDown);
        processors.forEach(TrackingEventProcessor::resetTokens);
        long start = System.nanoTime();
        processors.forEach(TrackingEventProcessor::start);
        List<String> behind = behindAfter(processors, head, TimeUnit.MINUTES.toMillis(10));
        double replaySecs = (System.nanoTime() - start) / 1e9;
        if (behind.isEmpty()) {
            emit("replayEach", Map.of("events", events, "projections", PROJECTIONS.length, "seconds",
                    round(replaySecs), "eventsPerSecond", round(events / replaySecs),
                    "ratioToRawRead", round(events / replaySecs / rawRate)));
        } else {
            // Seen once (eighth session): a processor holding no segment after shutDown, resetTokens, start.
            emit("replayEach", Map.of("stalled", behind, "seconds", round(replaySecs)));
        }
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext app, long head) throws InterruptedException {
        List<String> behind = behindAfter(projections(app), head, TimeUnit.HOURS.toMillis(1));
        if (!behind.isEmpty()) {
            throw new IllegalStateException("projections did not catch up: " + behind);
        }
    }

    private static List<TrackingEventProcessor> projections(ConfigurableApplicationContext app) {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        return Arrays.stream(PROJECTIONS)
                .map(name -> processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow()).toList();
    }

    /**
     * Waits until every processor given has handled the store up to the head; returns those still
     * behind when the time is up (each with how: no segment claimed, or its position).
     */
    private static List<String> behindAfter(List<TrackingEventProcessor> processors, long head, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            List<String> behind = new ArrayList<>();
            for (TrackingEventProcessor p : processors) {
                long position = p.processingStatus().values().stream()
                        .map(s -> s.getCurrentPosition().orElse(-1)).min(Long::compare).orElse(-1L);
                if (position < head || p.isReplaying()) {
                    behind.add(p.processingStatus().isEmpty() ? p.getName() + " (no segment claimed)"
                            : p.getName() + " (at " + position + ")");
                }
            }
            if (behind.isEmpty() || System.currentTimeMillis() > deadline) {
                return behind;
            }
            Thread.sleep(20);
        }
    }

    /** CPU time of each live thread so far, by thread id. */
    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /**
     * CPU time since {@code before}, summed by part of the application (from thread names): each
     * event processor, the command thread, the read-model store's server, H2's file threads, the
     * benchmark's callers. Threads that ended meanwhile are not counted; it shows where the time
     * goes in one run, steadier than a profile's samples for comparing two runs.
     */
    private static Map<String, Long> cpuSinceByPart(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> parts = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                parts.merge(part(info.getThreadName()), nanos - before.getOrDefault(info.getThreadId(), 0L), Long::sum);
            }
        }
        return parts;
    }

    private static String part(String thread) {
        if (thread.startsWith("EventProcessor[")) {
            return "processor:" + thread.substring("EventProcessor[".length(), thread.indexOf(']'));
        }
        if (thread.startsWith("command-group-commit")) {
            return "commands";
        }
        if (thread.startsWith("mongo-server")) {
            return "readModelServer";
        }
        if (thread.startsWith("H2-") || thread.startsWith("MVStore") || thread.equals("event-store-file-writer")) {
            return "h2Files";
        }
        if (thread.startsWith("EmbeddedEventStore")) {
            return "eventStoreReader";
        }
        if (thread.startsWith("pool-")) {
            return "callers";
        }
        return "other";
    }

    /** CPU time of this process, all threads: the machine is shared, so throughput alone is noisy. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long storeHead(ConfigurableApplicationContext app) {
        TrackingToken head = app.getBean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static long storeSize(ConfigurableApplicationContext app) {
        return storeHead(app) + 1;
    }

    private long fileMb(String name) throws IOException {
        Path file = dataDir.resolve(name);
        return Files.exists(file) ? Files.size(file) / (1024 * 1024) : -1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Figures in the order given (Map.of takes at most ten). */
    private static Map<String, Object> figures(Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }

    private static void emit(String measure, Map<String, Object> figures) throws IOException {
        StringBuilder json = new StringBuilder("{\"benchmark\":\"").append(measure).append('"');
        figures.forEach((k, v) -> json.append(",\"").append(k).append("\":").append(json(v)));
        json.append('}');
        System.out.println(json);
        Files.writeString(OUT, json + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A figure as JSON: text quoted, maps as objects, collections as arrays, numbers and the rest as they print. */
    private static String json(Object value) {
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(json(String.valueOf(k)) + ":" + json(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof Collection<?> values) {
            return "[" + String.join(",", values.stream().map(Benchmark::json).toList()) + "]";
        }
        return String.valueOf(value);
    }

    /** Realistic traffic: seed 000 lifecycles from request to close, each supporter reused. */
    static final class Workload {
        /** Request, matching, profiles, reserve, propose, accept, start, 6 sessions, close, release, feedback. */
        static final int EVENTS_PER_LIFECYCLE = 16;

        private final CommandGateway commands;
        private final RuleBooks ruleBooks;
        /** Prefixes every identifier, so a second workload can run on a store kept from a first. */
        private final String run;
        private RuleBook rules;
        private final List<String> supporters = new ArrayList<>();

        Workload(ConfigurableApplicationContext app, String run) {
            this.commands = app.getBean(CommandGateway.class);
            this.ruleBooks = app.getBean(RuleBooks.class);
            this.run = run;
        }

        void setUp() {
            commands.sendAndWait(new DefineProgramme(run + "bench", "Benchmark programme",
                    ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), DAY));
            rules = ruleBooks.current(run + "bench");
            for (int i = 0; i < 200; i++) {
                String id = run + "bench-supporter-" + i;
                String subject = "supporter:" + id;
                commands.sendAndWait(new RegisterSupporter(id, rules, new SupporterProfile(
                        PersonalData.of(subject, "Invented Supporter " + i), PersonalData.of(subject, "s" + i + "@example.org"),
                        PersonalData.of(subject, "Invented School " + i), null, "north", Phase.PRIMARY,
                        Set.of(SchoolType.RURAL), SizeBand.SMALL, Set.of("budget"), false), 1000, DAY));
                for (EligibilityCriterion c : EligibilityCriterion.values()) {
                    if (c != EligibilityCriterion.AREAS_HANDLED) {
                        commands.sendAndWait(new RecordEligibilityEvidence(id, evidenceFor(c)));
                    }
                }
                commands.sendAndWait(new ApproveSupporter(id, rules, DAY));
                supporters.add(id);
            }
        }

        List<String> evidenceTargets() {
            return supporters;
        }

        void evidence(String supporterId) {
            commands.sendAndWait(new RecordEligibilityEvidence(supporterId,
                    evidenceFor(EligibilityCriterion.COACHING_RECORD)));
        }

        void lifecycle(String key) {
            String requestId = run + "bench-request-" + key;
            String matchId = run + "bench-match-" + key;
            String supporter = supporters.get(Math.floorMod(key.hashCode(), supporters.size()));
            String subject = "head:" + requestId;
            commands.sendAndWait(new RequestSupport(requestId, rules, new Requester(subject,
                    PersonalData.of(subject, "Invented Head " + key), null, null, RequesterRole.HEADTEACHER, "north",
                    Phase.PRIMARY, Set.of(), SizeBand.SMALL), Set.of("budget"), DAY));
            commands.sendAndWait(new ShareSupporterProfiles(matchId, requestId, rules, List.of(supporter), DAY));
            commands.sendAndWait(new ChooseSupporter(matchId, supporter, DAY));
            commands.sendAndWait(new AcceptMatch(matchId, DAY));
            commands.sendAndWait(new StartCycle(requestId, matchId, supporter, DAY));
            for (int s = 0; s < 6; s++) {
                commands.sendAndWait(new RecordSession(requestId, requestId + "-s" + s, DAY.plusDays(7L * s),
                        java.time.LocalTime.of(10, 0), 55, MeetingMode.IN_PERSON, null));
            }
            commands.sendAndWait(new CloseCycle(requestId, DAY.plusDays(60)));
        }

        private static EligibilityEvidence evidenceFor(EligibilityCriterion c) {
            return new EligibilityEvidence(c, 8, InspectionJudgement.GOOD, DAY.minusMonths(3), Set.of(), true);
        }
    }
}
