package org.peersupport.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as a child process: started with {@code java -jar} on a free port and a
 * fixed data directory, killed with SIGKILL ({@link Process#destroyForcibly()} on Linux), started
 * again on the same data directory.
 */
public final class AppProcess {

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path dataDir;
    private final Path logDir;
    private final String heap;
    private final List<String> extraArgs;
    private final Http http;

    private Process process;
    private int port;
    private int starts;

    public AppProcess(Path jar, Path dataDir, Path logDir, String heap, List<String> extraArgs, Http http) {
        this(jar, List.of(), dataDir, logDir, heap, extraArgs, http);
    }

    /** With JVM options besides the heap (e.g. a class-data-sharing archive). */
    public AppProcess(Path jar, List<String> jvmOptions, Path dataDir, Path logDir, String heap, List<String> extraArgs,
                      Http http) {
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.heap = heap;
        this.extraArgs = extraArgs;
        this.http = http;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }));
    }

    /** Starts the application and waits until /actuator/health says UP. Returns milliseconds to ready. */
    public long start(long timeoutMillis) throws IOException, InterruptedException {
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--peersupport.data-dir=" + dataDir);
        command.add("--peersupport.demo.enabled=false");
        for (String arg : extraArgs) {
            command.add(arg.replace("{data}", dataDir.toString()));
        }
        Path log = logDir.resolve("app-" + starts + ".log");
        Files.deleteIfExists(log);
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        starts++;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                        + " during start-up; see " + log);
            }
            Http.Outcome health = http.get(base(), null, "/actuator/health");
            if (health.status() == 200 && "UP".equals(health.json().path("status").asString())) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not ready within " + timeoutMillis + " ms; see " + log);
    }

    /** kill -9: no shutdown hooks, no flushing, no goodbye. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed process " + process.pid() + " is still alive");
        }
    }

    /** A clean stop at the very end (SIGTERM), so the data directory can be inspected afterwards. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    int starts() {
        return starts;
    }

    /** The java launcher of the JVM running this, so a child runs on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
