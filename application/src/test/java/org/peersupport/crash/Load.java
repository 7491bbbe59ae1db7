package org.peersupport.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.peersupport.crash.Ledger.Kind;

/**
 * Several client threads driving seed-000 support cycles over HTTP as a coordinator would: supporters
 * registered, evidenced and approved; requests made, profiles shared, a supporter chosen, the match
 * accepted, sessions recorded, the cycle closed, feedback given. Some cycles stop part-way, so every
 * stage is represented. A command left unanswered by a kill ends its cycle (its state is unknown);
 * the thread waits for the server to come back and starts another.
 */
final class Load {

    /** The server the threads talk to, and which incarnation of it (one per start). */
    static final class Gate {
        private String base;
        private int epoch;
        private boolean up;
        private volatile boolean stopping;

        synchronized void open(String newBase) {
            base = newBase;
            epoch++;
            up = true;
            notifyAll();
        }

        synchronized void close() {
            up = false;
        }

        void stop() {
            stopping = true;
            synchronized (this) {
                notifyAll();
            }
        }

        boolean stopping() {
            return stopping;
        }

        synchronized int epoch() {
            return epoch;
        }

        /** Waits for a live server; null once stopping. */
        synchronized Target await() throws InterruptedException {
            while (!up && !stopping) {
                wait(200);
            }
            return stopping ? null : new Target(base, epoch);
        }
    }

    record Target(String base, int epoch) {
    }

    /** The cycle cannot go on: a command went unanswered, or was refused. */
    private static final class Abandon extends Exception {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super(null, null, false, false);
        }
    }

    private static final String COORDINATOR = Http.basic("coordinator", "coordinator-demo");
    private static final List<Map<String, Object>> EVIDENCE = List.of(
            Map.of("criterion", "YEARS_AS_HEAD", "yearsAsHead", 8),
            Map.of("criterion", "INSPECTION_JUDGEMENT", "judgement", "GOOD", "date", today()),
            Map.of("criterion", "LOCAL_KNOWLEDGE", "confirmed", true),
            Map.of("criterion", "COACHING_RECORD", "confirmed", true),
            Map.of("criterion", "TRAINING_COMPLETED", "date", today()));

    private final Http http;
    private final Gate gate;
    private final Ledger ledger;
    private final String programmeId;
    private final long seed;
    private final int threads;
    private final List<String> supporters = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong names = new AtomicLong();
    /** The rule named by this thread's last refusal. */
    private final ThreadLocal<String> lastRule = new ThreadLocal<>();

    Load(Http http, Gate gate, Ledger ledger, String programmeId, long seed, int threads) {
        this.http = http;
        this.gate = gate;
        this.ledger = ledger;
        this.programmeId = programmeId;
        this.seed = seed;
        this.threads = threads;
    }

    /** The programme, before any load: retried until it is acknowledged. */
    void defineProgramme() throws InterruptedException {
        while (true) {
            Target target = gate.await();
            Http.Outcome o = http.post(target.base(), COORDINATOR, "/api/programmes", Map.of("programmeId", programmeId,
                    "name", "Invented crash programme", "template", "LOCAL_AUTHORITY_PEER_SUPPORT"));
            if (o.ok()) {
                ledger.acked(Kind.DEFINE_PROGRAMME, programmeId, target.epoch());
                return;
            }
            if (o.noResponse()) {
                ledger.inFlight(Kind.DEFINE_PROGRAMME, programmeId, target.epoch());
            }
            if (o.status() == 409) {
                return; // an earlier unanswered attempt made it
            }
            Thread.sleep(500);
        }
    }

    void start() {
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            Thread worker = new Thread(() -> run(random), "crash-load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    void stopAndJoin() throws InterruptedException {
        gate.stop();
        for (Thread worker : workers) {
            worker.join(120_000);
        }
    }

    private void run(Random random) {
        while (!gate.stopping()) {
            try {
                if (supporters.size() < threads + 2 || random.nextDouble() < 0.12) {
                    approvedSupporter();
                }
                if (!supporters.isEmpty()) {
                    cycle(random);
                }
            } catch (Abandon abandoned) {
                // go on with a new cycle
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.err.println("[crash] load thread: " + e);
            }
        }
    }

    private void approvedSupporter() throws Abandon, InterruptedException {
        String name = "Invented Supporter " + names.incrementAndGet();
        Map<String, Object> body = Map.ofEntries(Map.entry("programmeId", programmeId), Map.entry("name", name),
                Map.entry("workEmail", "invented.supporter@example.org"), Map.entry("schoolName", "Quillbrook Primary"),
                Map.entry("background", "Invented background"), Map.entry("region", "north"),
                Map.entry("phase", "PRIMARY"), Map.entry("schoolTypes", List.of("RURAL")),
                Map.entry("sizeBand", "SMALL"), Map.entry("areasHandled", List.of("budget", "staffing")),
                Map.entry("capacity", 20));
        String supporterId = require(send(Kind.REGISTER_SUPPORTER, null, "/api/supporters", body));
        ledger.personalValues.put(supporterId, name);
        for (Map<String, Object> evidence : EVIDENCE) {
            require(send(Kind.EVIDENCE, supporterId, "/api/supporters/" + supporterId + "/evidence", evidence));
        }
        require(send(Kind.APPROVE, supporterId, "/api/supporters/" + supporterId + "/approval", null));
        supporters.add(supporterId);
    }

    private void cycle(Random random) throws Abandon, InterruptedException {
        ledger.lifecycles.incrementAndGet();
        double stopAt = random.nextDouble();
        String head = "Invented Head " + names.incrementAndGet();
        String requestId = require(send(Kind.REQUEST, null, "/api/requests", Map.of("programmeId", programmeId,
                "headName", head, "workEmail", "invented.requester@example.org", "schoolName", "Invented Lane Infants",
                "role", "HEADTEACHER", "region", "north", "phase", "PRIMARY", "schoolTypes", List.of("MAINTAINED"),
                "sizeBand", "SMALL", "areasOfNeed", List.of("budget"))));
        ledger.personalValues.put(requestId, head);
        if (stopAt < 0.08) {
            return; // left awaiting a match
        }
        List<String> pool = new ArrayList<>(supporters);
        Collections.shuffle(pool, random);
        List<String> shortlist = pool.subList(0, Math.min(pool.size(), 1 + random.nextInt(3)));
        String matchId = require(send(Kind.SHARE_PROFILES, null, "/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", shortlist)));
        ledger.requestOfMatch.put(matchId, requestId);
        ledger.matchOfRequest.put(requestId, matchId);
        if (stopAt < 0.14) {
            return; // left with profiles shared
        }
        String chosen = shortlist.get(random.nextInt(shortlist.size()));
        ledger.supporterOfMatch.put(matchId, chosen);
        require(send(Kind.CHOOSE, matchId, "/api/matches/" + matchId + "/choice", Map.of("supporterId", chosen)));
        if (stopAt < 0.20) {
            return; // left proposed
        }
        require(send(Kind.ACCEPT, matchId, "/api/matches/" + matchId + "/acceptance", null));
        int sessions = 1 + random.nextInt(6);
        for (int s = 0; s < sessions; s++) {
            String mode = random.nextDouble() < 0.15 ? "VIDEO" : "IN_PERSON";
            Map<String, Object> session = Map.of("heldOn", today(), "startTime", "10:00", "durationMinutes", 50,
                    "mode", mode);
            if (!awaitingSaga(Kind.SESSION, requestId, "/api/requests/" + requestId + "/sessions", session, 409,
                    "CycleNotStarted")) {
                if (!"OutsideBoundaries".equals(lastRule.get())) {
                    return;
                }
                // today is outside the programme's meeting boundaries: record it as an agreed exception
                Map<String, Object> exception = new java.util.HashMap<>(session);
                exception.put("exceptionReason", "Invented reason for meeting outside the boundaries");
                if (!awaitingSaga(Kind.SESSION, requestId, "/api/requests/" + requestId + "/sessions", exception,
                        409, "CycleNotStarted")) {
                    return;
                }
            }
        }
        if (stopAt < 0.32) {
            return; // left in its cycle
        }
        require(send(Kind.CLOSE, requestId, "/api/requests/" + requestId + "/closure", null));
        String feedbackId = "feedback-" + requestId;
        String comment = "Invented comment " + names.incrementAndGet();
        ledger.personalValues.put(feedbackId, comment);
        awaitingSaga(Kind.FEEDBACK, feedbackId, "/api/feedback/" + feedbackId,
                Map.of("rating", 1 + random.nextInt(5), "comment", comment), 404, null);
    }

    /**
     * A command that depends on the saga having reacted to an earlier event (the cycle started after
     * acceptance; feedback requested after closing): a refusal saying it has not happened yet is
     * retried for up to a minute (a refused command changes nothing, so this is no duplicate).
     */
    private boolean awaitingSaga(Kind kind, String aggregateId, String path, Object body, int notYetStatus,
                                 String notYetRule) throws Abandon, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Http.Outcome o = send(kind, aggregateId, path, body, notYetStatus, notYetRule);
            lastRule.set(o.rule());
            if (o.ok()) {
                return true;
            }
            if (o.status() != notYetStatus || (notYetRule != null && !notYetRule.equals(o.rule()))) {
                return false;
            }
            Thread.sleep(100);
        }
        ledger.stuck.incrementAndGet();
        System.err.println("[crash] still refused after a minute: " + kind + " " + aggregateId);
        return false;
    }

    private String require(Http.Outcome outcome) throws Abandon {
        if (!outcome.ok()) {
            throw new Abandon();
        }
        return outcome.body() != null && outcome.body().startsWith("{\"id\"") ? outcome.id() : "";
    }

    private Http.Outcome send(Kind kind, String aggregateId, String path, Object body)
            throws Abandon, InterruptedException {
        return send(kind, aggregateId, path, body, -1, null);
    }

    /** One command: acknowledged, refused, or unanswered (then the cycle is abandoned). */
    private Http.Outcome send(Kind kind, String aggregateId, String path, Object body, int quietStatus,
                              String quietRule) throws Abandon, InterruptedException {
        while (true) {
            Target target = gate.await();
            if (target == null) {
                throw new Abandon();
            }
            Http.Outcome o = http.post(target.base(), COORDINATOR, path, body);
            if (o.ok()) {
                String id = kind.serverAssignsId() ? o.id() : aggregateId;
                ledger.acked(kind, id, target.epoch());
                return o;
            }
            if (o.unsentOnly()) {
                ledger.unsent.incrementAndGet();
                waitForRestart(target);
                continue; // never reached a server: sending again is no duplicate
            }
            if (o.noResponse()) {
                ledger.inFlight(kind, aggregateId, target.epoch());
                waitForRestart(target);
                throw new Abandon();
            }
            boolean quiet = o.status() == quietStatus && (quietRule == null || quietRule.equals(o.rule()));
            if (!quiet) {
                ledger.refused(kind, o.status(), o.rule());
                if (o.status() >= 500) {
                    System.err.println("[crash] " + kind + " " + path + " -> " + o);
                }
            }
            return o;
        }
    }

    /** After a failed exchange: wait until the server has been restarted (or a moment, if it was not killed). */
    private void waitForRestart(Target failed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        while (!gate.stopping() && gate.epoch() == failed.epoch() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        gate.await();
    }

    /** A Wednesday in the autumn term: the day the application is pinned to (as in the tests). */
    static final String TODAY = "2026-11-25";

    static String today() {
        return TODAY;
    }
}
