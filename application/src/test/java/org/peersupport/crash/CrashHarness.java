package org.peersupport.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The crash harness (issue 8, part 2; docs/crash-harness.md). Starts the packaged application
 * ({@code target/peersupport.jar}) as a separate process on a fresh data directory, drives support
 * cycles at it over HTTP from several threads, kills it with SIGKILL at random moments several times,
 * restarting it on the same data directory each time and carrying on with the load, then checks:
 * <ol>
 * <li>every acknowledged command (2xx received) has its event in the event store (audit feed);</li>
 * <li>nothing is duplicated: no repeated position or (aggregate, sequence), no more events of a kind
 * than acknowledged plus unanswered commands explain, saga reactions exactly once;</li>
 * <li>every read model equals a fresh replay of the history (admin replay endpoint), compared as
 * sets keyed by identifier; and personal values read back as sent.</li>
 * </ol>
 * Prints one JSON line per kill and a summary (acknowledged, found, lost, duplicated,
 * readModelMismatches, ...), also written to {@code target/crash/results.jsonl}; exits 1 when
 * anything was lost, duplicated or differs.
 * Arguments: {@code --kills K} (default 4), {@code --seconds S} of load in all (default 60),
 * {@code --threads T} (default 4), {@code --seed N} (default random, printed), {@code --heap 512m},
 * {@code --jar path}, {@code --app-arg --some.property=value} (repeatable; {@code {data}} stands
 * for the data directory).
 */
public final class CrashHarness {

    private static final Path OUT_DIR = Path.of("target", "crash");
    private static final Path OUT = OUT_DIR.resolve("results.jsonl");
    private static final long READY_TIMEOUT_MS = 300_000;

    private final int kills;
    private final int seconds;
    private final int threads;
    private final long seed;
    private final String heap;
    private final Path jar;
    private final List<String> appArgs;

    private final Http http = new Http(Duration.ofSeconds(60));
    private final Ledger ledger = new Ledger();
    private final Load.Gate gate = new Load.Gate();
    private final List<Map<String, Object>> killLog = new ArrayList<>();
    private final List<long[]> killPoints = new ArrayList<>(); // {position before kill, kill millis}

    private CrashHarness(Map<String, List<String>> args) {
        this.kills = Integer.parseInt(one(args, "kills", "4"));
        this.seconds = Integer.parseInt(one(args, "seconds", "60"));
        this.threads = Integer.parseInt(one(args, "threads", "4"));
        this.seed = Long.parseLong(one(args, "seed", Long.toString(new Random().nextInt(1_000_000))));
        this.heap = one(args, "heap", "512m");
        this.jar = locateJar(args.containsKey("jar") ? Path.of(one(args, "jar", null)) : null);
        // The application runs on the fixed term-time day the load uses (Load.TODAY), so seed 000's
        // boundaries admit its sessions whatever the real date; an --app-arg may override it.
        List<String> fixed = new java.util.ArrayList<>(List.of("--peersupport.clock.fixed=" + Load.TODAY + "T10:00:00Z"));
        fixed.addAll(args.getOrDefault("app-arg", List.of()));
        this.appArgs = List.copyOf(fixed);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, List<String>> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.computeIfAbsent(argv[i].replaceFirst("^--", ""), k -> new ArrayList<>()).add(argv[i + 1]);
        }
        Files.createDirectories(OUT_DIR);
        Files.deleteIfExists(OUT);
        int exit;
        try {
            exit = new CrashHarness(args).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        Path dataDir = OUT_DIR.resolve("data").toAbsolutePath();
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        try (Stream<Path> logs = Files.list(OUT_DIR)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("app-\\d+\\.log")).toList()) {
                Files.delete(log);
            }
        }
        String programmeId = "crash-" + seed;
        log("seed " + seed + ", kills " + kills + ", load " + seconds + " s, threads " + threads + ", jar " + jar
                + ", data " + dataDir + (appArgs.isEmpty() ? "" : ", app args " + appArgs));
        // run a private copy: a build elsewhere in the checkout may replace target/peersupport.jar under a
        // running process (its classes then fail to load), and every restart must run the same code
        Path privateJar = OUT_DIR.resolve("peersupport.jar").toAbsolutePath();
        Files.copy(jar, privateJar, StandardCopyOption.REPLACE_EXISTING);
        preload();
        long started = System.nanoTime();
        AppProcess app = new AppProcess(privateJar, dataDir, OUT_DIR.toAbsolutePath(), heap, appArgs, http);
        long readyMs = app.start(READY_TIMEOUT_MS);
        log("started pid " + app.pid() + " on " + app.base() + " in " + readyMs + " ms");
        gate.open(app.base());

        Load load = new Load(http, gate, ledger, programmeId, seed, threads);
        load.defineProgramme();
        load.start();
        long[] segmentMs = segments(new Random(seed));
        TreeMap<Long, Feed.Entry> census = new TreeMap<>();
        for (int k = 1; k <= kills; k++) {
            Thread.sleep(segmentMs[k - 1]);
            // what the store holds just before the kill (the load carries on meanwhile)
            long from = census.isEmpty() ? -1 : census.lastKey();
            Feed.after(http, app.base(), from, -1, true).forEach(e -> census.put(e.position(), e));
            long positionBefore = census.isEmpty() ? -1 : census.lastKey();
            int eventsBefore = census.size();
            long acknowledgedBefore = ledger.acknowledged();
            int epoch = gate.epoch();
            gate.close();
            boolean wasAlive = app.alive();
            long pid = app.pid();
            app.kill();
            long killedAt = System.currentTimeMillis();
            killPoints.add(new long[] {positionBefore, killedAt});
            double atSecond = round((System.nanoTime() - started) / 1e9);
            log("kill -9 #" + k + " of pid " + pid + " at " + atSecond + " s");

            long restartMs = app.start(READY_TIMEOUT_MS);
            List<Feed.Entry> after = Feed.after(http, app.base(), -1, positionBefore, true);
            Set<Long> present = new HashSet<>();
            after.stream().filter(e -> e.timestamp().toEpochMilli() <= killedAt).forEach(e -> present.add(e.position()));
            long vanished = census.values().stream().filter(e -> !present.contains(e.position())).count();
            List<String> failed = new ReadModels(http).failedProcessors(app.base());
            census.clear();
            after.forEach(e -> census.put(e.position(), e));
            gate.open(app.base());

            Map<String, Object> line = new LinkedHashMap<>();
            line.put("crash", "kill");
            line.put("kill", k);
            line.put("seed", seed);
            line.put("atSecond", atSecond);
            line.put("killedAt", Instant.ofEpochMilli(killedAt).toString());
            line.put("acknowledgedSoFar", acknowledgedBefore);
            line.put("inFlightAtKill", ledger.inFlight(epoch));
            line.put("storeEventsSeenBeforeKill", eventsBefore);
            line.put("storeEventsVanished", vanished);
            line.put("restartMs", restartMs);
            line.put("wasAliveAtKill", wasAlive);
            line.put("failedProcessorsAfterRestart", failed);
            killLog.add(line);
            emit(line);
        }
        Thread.sleep(segmentMs[kills]);
        boolean aliveAtEnd = app.alive();
        load.stopAndJoin();
        if (!aliveAtEnd) {
            throw new IllegalStateException("the application died by itself during the last segment; see "
                    + OUT_DIR.resolve("app-" + (app.starts() - 1) + ".log"));
        }
        log("load stopped; " + ledger.acknowledged() + " commands acknowledged, " + ledger.inFlight()
                + " unanswered; waiting for the sagas and projections to settle");

        List<Feed.Entry> feed = settledFeed(app.base());
        ReadModels readModels = new ReadModels(http);
        ReadModels.Snapshot live = readModels.settle(app.base(), 300_000);
        feed = settledFeed(app.base());
        Verify verify = new Verify(feed, ledger);
        verify.personalData(live, ledger);
        List<String> failedProcessors = readModels.failedProcessors(app.base());

        log("rebuilding every read model from history (" + ReadModels.PROCESSORS + ")");
        long replayStart = System.nanoTime();
        readModels.replayAll(app.base());
        ReadModels.Snapshot rebuilt = readModels.settle(app.base(), 600_000);
        double replaySeconds = round((System.nanoTime() - replayStart) / 1e9);
        List<String> differences = ReadModels.differences(live, rebuilt);
        app.stop();

        List<Map<String, Object>> perKill = perKill(verify, feed);
        report(verify, differences, failedProcessors, perKill, live, rebuilt, feed.size(), replaySeconds,
                round((System.nanoTime() - started) / 1e9), app.starts() - 1);
        boolean broken = verify.lost.size() > 0 || verify.duplicated > 0 || !differences.isEmpty()
                || verify.personalDataLost > 0 || verify.sagaEffectsMissing > 0 || verify.crossAggregateMismatches > 0
                || verify.streamGaps > 0 || verify.readModelMissing > 0;
        return broken ? 1 : 0;
    }

    /** The load's duration split into kills + 1 segments of random length (¼ to 1¾ of the mean), summing to it. */
    private long[] segments(Random random) {
        double[] weights = new double[kills + 1];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.25 + 1.5 * random.nextDouble();
            sum += weights[i];
        }
        long[] ms = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            ms[i] = Math.round(seconds * 1000.0 * weights[i] / sum);
        }
        return ms;
    }

    /** The whole history once nothing has been appended for a few seconds (sagas react after the load stops). */
    private List<Feed.Entry> settledFeed(String base) throws InterruptedException {
        List<Feed.Entry> last = Feed.all(http, base);
        long deadline = System.currentTimeMillis() + 120_000;
        int quiet = 0;
        while (quiet < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            List<Feed.Entry> now = Feed.all(http, base);
            quiet = now.size() == last.size() ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }

    /** For each kill: the acknowledged commands it lost, how long before the kill they were acknowledged. */
    private List<Map<String, Object>> perKill(Verify verify, List<Feed.Entry> feed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 1; k <= killPoints.size(); k++) {
            int epoch = k;
            long killedAt = killPoints.get(k - 1)[1];
            long positionBefore = killPoints.get(k - 1)[0];
            List<Verify.Lost> lost = verify.lost.stream().filter(l -> l.epoch() == epoch).toList();
            long reused = feed.stream().filter(e -> e.position() <= positionBefore
                    && e.timestamp().toEpochMilli() > killedAt).count();
            Map<String, Object> m = new LinkedHashMap<>(killLog.get(k - 1));
            m.remove("crash");
            m.remove("seed");
            m.put("lostAcknowledged", lost.size());
            m.put("lostAckedMsBeforeKill", lost.stream().map(l -> killedAt - l.ackedAtMillis()).sorted().toList());
            m.put("positionBeforeKill", positionBefore);
            m.put("positionsReusedAfterRestart", reused);
            out.add(m);
        }
        return out;
    }

    private void report(Verify v, List<String> differences, List<String> failedProcessors,
                        List<Map<String, Object>> perKill, ReadModels.Snapshot live, ReadModels.Snapshot rebuilt,
                        int storeEvents, double replaySeconds, double totalSeconds, int restarts) throws IOException {
        for (Map<String, Object> k : perKill) {
            log("kill " + k);
        }
        Map<String, Object> kinds = new LinkedHashMap<>();
        v.perKind.forEach((kind, c) -> kinds.put(kind.name(), Map.of("acknowledged", c[0], "found", c[1], "lost", c[2],
                "inFlight", c[3], "inFlightFound", c[4])));
        log("by command: " + Http.JSON.writeValueAsString(kinds));
        log("refused (not acknowledged; a refused command changes nothing): " + ledger.refusals());
        for (Verify.Lost l : v.lost.stream().sorted(Comparator.comparingLong(Verify.Lost::ackedAtMillis)).toList()) {
            String when = l.epoch() <= killPoints.size()
                    ? (killPoints.get(l.epoch() - 1)[1] - l.ackedAtMillis()) + " ms before kill #" + l.epoch()
                    : "after the last restart";
            log("LOST " + l.kind() + " " + l.aggregateId() + " (expected " + l.kind().event + "), acknowledged at "
                    + Instant.ofEpochMilli(l.ackedAtMillis()) + ", " + when);
        }
        v.problems.stream().limit(60).forEach(p -> log("PROBLEM " + p));
        if (v.problems.size() > 60) {
            log("... and " + (v.problems.size() - 60) + " more problems");
        }
        differences.stream().limit(60).forEach(d -> log("READ MODEL != REPLAY: " + d));
        if (differences.size() > 60) {
            log("... and " + (differences.size() - 60) + " more differences");
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("crash", "summary");
        summary.put("seed", seed);
        summary.put("acknowledged", v.acknowledged);
        summary.put("found", v.found);
        summary.put("lost", v.lost.size());
        summary.put("inFlight", v.inFlight);
        summary.put("inFlightFound", v.inFlightFound);
        summary.put("duplicated", v.duplicated);
        summary.put("readModelMismatches", differences.size());
        summary.put("personalDataLost", v.personalDataLost);
        summary.put("erasedValuesShown", v.erasedValues);
        summary.put("sagaEffectsMissing", v.sagaEffectsMissing);
        summary.put("crossAggregateMismatches", v.crossAggregateMismatches);
        summary.put("streamGaps", v.streamGaps);
        summary.put("readModelMissing", v.readModelMissing);
        summary.put("failedProcessors", failedProcessors);
        summary.put("kills", killPoints.size());
        summary.put("restarts", restarts);
        summary.put("seconds", totalSeconds);
        summary.put("loadSeconds", seconds);
        summary.put("threads", threads);
        summary.put("lifecycles", ledger.lifecycles.get());
        summary.put("storeEvents", storeEvents);
        summary.put("readModelRecords", live.size());
        summary.put("rebuiltRecords", rebuilt.size());
        summary.put("replaySeconds", replaySeconds);
        summary.put("unsentRetried", ledger.unsent.get());
        summary.put("stuckAwaitingSaga", ledger.stuck.get());
        summary.put("appArgs", appArgs);
        summary.put("perKill", perKill);
        summary.put("lostCommands", v.lost.stream().limit(50).map(l -> Map.of("kind", l.kind().name(), "id",
                l.aggregateId(), "event", l.kind().event, "msBeforeKill", l.epoch() <= killPoints.size()
                        ? killPoints.get(l.epoch() - 1)[1] - l.ackedAtMillis() : -1)).toList());
        summary.put("readModelDifferences", differences.stream().limit(20).toList());
        summary.put("problems", v.problems.stream().limit(20).toList());
        emit(summary);
        String verdict = v.lost.isEmpty() && v.duplicated == 0 && differences.isEmpty() && v.personalDataLost == 0
                && v.sagaEffectsMissing == 0 && v.crossAggregateMismatches == 0 && v.streamGaps == 0
                && v.readModelMissing == 0 ? "PASS" : "FAIL";
        log(verdict + ": acknowledged " + v.acknowledged + ", found " + v.found + ", lost " + v.lost.size()
                + ", duplicated " + v.duplicated + ", readModelMismatches " + differences.size() + ", personalDataLost "
                + v.personalDataLost + ", sagaEffectsMissing " + v.sagaEffectsMissing + ", kills " + killPoints.size()
                + ", restarts " + restarts + ", seconds " + totalSeconds + " (seed " + seed + ")");
    }

    /** Loads this harness's classes now: a clean build elsewhere in the checkout may delete target/test-classes. */
    private static void preload() throws ClassNotFoundException {
        for (Class<?> c : List.of(Verify.class, Verify.Lost.class, ReadModels.class, ReadModels.Snapshot.class,
                Feed.class, Feed.Entry.class, Ledger.class, Ledger.Entry.class, Ledger.Kind.class, Load.class,
                Http.Outcome.class)) {
            Class.forName(c.getName(), true, CrashHarness.class.getClassLoader());
        }
        for (String inner : List.of("Load$Abandon", "Load$Target", "Load$Gate", "ReadModels$View")) {
            Class.forName(CrashHarness.class.getPackageName() + "." + inner, true, CrashHarness.class.getClassLoader());
        }
    }

    private static void emit(Map<String, Object> line) throws IOException {
        String json = Http.JSON.writeValueAsString(line);
        System.out.println(json);
        Files.writeString(OUT, json + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void log(String text) {
        System.out.println("[crash] " + text);
    }

    private static Path locateJar(Path given) {
        List<Path> candidates = given != null ? List.of(given)
                : List.of(Path.of("target", "peersupport.jar"), Path.of("application", "target", "peersupport.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no packaged application at " + candidates
                + ": run with -Pcrash ... verify (package builds it) or pass --jar");
    }

    private static String one(Map<String, List<String>> args, String name, String fallback) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
