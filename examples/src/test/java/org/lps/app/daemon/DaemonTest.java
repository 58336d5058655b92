package org.lps.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.app.ExternalTools;

/**
 * The resident JVM answers exactly what a fresh one would (bytes on both streams, exit code), refuses what it
 * must not serve (a second request meanwhile, another directory, a malformed request) without output, and goes
 * away after an internal error or when idle. The launcher's Python client is run against it as well.
 */
class DaemonTest {

    @TempDir
    Path dir;
    private Daemon daemon;
    private Thread serving;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.stop();
            serving.join(10_000);
        }
    }

    private Path start(Daemon.App app, Duration idle) throws IOException {
        Path socket = dir.resolve("d.sock");
        daemon = new Daemon(socket, idle, app);
        assertTrue(daemon.bind());
        serving = new Thread(() -> {
            try {
                daemon.serve();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        serving.start();
        return socket;
    }

    /** What came back: output, error output, exit code (null if refused as busy). */
    record Answer(String out, String err, Integer exit, boolean busy) {
    }

    private static Answer ask(Path socket, String cwd, String... args) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            List<String> request = new ArrayList<>();
            request.add(cwd);
            request.addAll(List.of(args));
            OutputStream out = Channels.newOutputStream(ch);
            Protocol.writeRequest(out, request);
            InputStream in = Channels.newInputStream(ch);
            ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
            for (Protocol.Frame f = Protocol.readFrame(in); f != null; f = Protocol.readFrame(in)) {
                switch (f.type()) {
                    case Protocol.OUT -> o.writeBytes(f.payload());
                    case Protocol.ERR -> e.writeBytes(f.payload());
                    case Protocol.EXIT -> {
                        return new Answer(o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8),
                                java.nio.ByteBuffer.wrap(f.payload()).getInt(), false);
                    }
                    case Protocol.BUSY -> {
                        assertEquals(0, o.size() + e.size(), "busy comes before any output");
                        return new Answer("", "", null, true);
                    }
                    default -> throw new AssertionError("unknown frame " + f.type());
                }
            }
            throw new AssertionError("connection closed without an exit frame");
        }
    }

    private static Answer direct(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        PrintWriter out = new PrintWriter(o, true), err = new PrintWriter(e, true);
        int code = Daemon.LPS.run(List.of(args), out, err);
        out.flush();
        err.flush();
        return new Answer(o.toString(), e.toString(), code, false);
    }

    private static String cwd() {
        return Path.of("").toAbsolutePath().toString();
    }

    @Test
    void answersExactlyAsAFreshRunWouldOnEveryKindOfOutcome() throws IOException {
        Path socket = start(Daemon.LPS, Duration.ofMinutes(5));
        Path system = dir.resolve("two.phc");
        Files.writeString(system, "2\n x^2 + y^2 - 1;\n x - y;\n");
        List<String[]> cases = List.of(
                new String[]{"solve", system.toString(), "--json", "--solutions", "--seed", "7"},
                new String[]{"solve", "--system", "katsura4", "--seed", "3", "--threads", "2"},
                new String[]{"count", "--system", "cyclic5", "--json"},
                new String[]{"solve", system.toString(), "--bogusflag"},                      // usage error, 2
                new String[]{"solve", dir.resolve("missing.phc").toString()},                 // input error, 2
                new String[]{"--version"});
        for (String[] args : cases) {
            Answer viaDaemon = ask(socket, cwd(), args);
            Answer fresh = direct(args);
            assertEquals(fresh.exit(), viaDaemon.exit(), String.join(" ", args));
            assertEquals(stripTimes(fresh.out()), stripTimes(viaDaemon.out()), String.join(" ", args));
            assertEquals(stripTimes(fresh.err()), stripTimes(viaDaemon.err()), String.join(" ", args));
        }
        assertEquals(2, ask(socket, cwd(), "solve", system.toString(), "--bogusflag").exit());
    }

    /** Wall times differ from run to run; everything else must not. */
    private static String stripTimes(String s) {
        return s.replaceAll("\"(\\w*[sS]econds)\"\\s*:\\s*[-0-9.eE]+", "\"$1\":T")
                .replaceAll("[0-9]+\\.[0-9]+ s\\b", "T s");
    }

    @Test
    void refusesASecondRequestWhileOneRunsAndAnswersOnceFree() throws Exception {
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        Path socket = start((args, out, err) -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.print("done " + args);
            return 0;
        }, Duration.ofMinutes(5));
        Answer[] first = new Answer[1];
        Thread t = new Thread(() -> {
            try {
                first[0] = ask(socket, cwd(), "solve", "a");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        assertTrue(running.await(30, TimeUnit.SECONDS));
        assertTrue(ask(socket, cwd(), "solve", "b").busy());
        release.countDown();
        t.join(30_000);
        assertEquals("done [solve, a]", first[0].out());
        assertEquals(0, first[0].exit());
        Answer again = ask(socket, cwd(), "solve", "c");
        assertEquals("done [solve, c]", again.out());
    }

    @Test
    void servesOnlyItsOwnDirectory() throws IOException {
        Path socket = start((args, out, err) -> 0, Duration.ofMinutes(5));
        assertTrue(ask(socket, dir.toString(), "--version").busy(), "a relative path would mean another file");
        assertFalse(ask(socket, cwd(), "--version").busy());
    }

    @Test
    void survivesAMalformedRequest() throws IOException {
        Path socket = start((args, out, err) -> 0, Duration.ofMinutes(5));
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            Channels.newOutputStream(ch).write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Protocol.Frame answer;
            try {
                answer = Protocol.readFrame(Channels.newInputStream(ch));
            } catch (IOException reset) {
                answer = null;   // closed with our bytes unread: a reset rather than an end of stream
            }
            assertEquals(null, answer, "no answer to a stranger");
        }
        assertEquals(0, ask(socket, cwd(), "--version").exit());
    }

    @Test
    void stopsAfterAnInternalErrorButNotAfterAUserError() throws Exception {
        Path socket = start((args, out, err) -> args.contains("bug") ? 1 : 2, Duration.ofMinutes(5));
        assertEquals(2, ask(socket, cwd(), "solve", "typo").exit());
        assertTrue(Files.exists(socket));
        assertEquals(1, ask(socket, cwd(), "solve", "bug").exit());
        serving.join(10_000);
        assertFalse(serving.isAlive(), "a daemon that met an internal error does not serve again");
        assertFalse(Files.exists(socket));
    }

    @Test
    void stopsWhenIdle() throws Exception {
        Path socket = start((args, out, err) -> 0, Duration.ofMillis(200));
        assertEquals(0, ask(socket, cwd(), "--version").exit());
        serving.join(20_000);
        assertFalse(serving.isAlive());
        assertFalse(Files.exists(socket));
    }

    @Test
    void aSecondDaemonOnALiveSocketStandsDownAndADeadSocketIsTakenOver() throws IOException {
        Path socket = start((args, out, err) -> 0, Duration.ofMinutes(5));
        assertFalse(new Daemon(socket, Duration.ofMinutes(1), (a, o, e) -> 0).bind(), "the live one keeps it");
        daemon.stop();
        Files.createFile(socket);   // what a killed daemon leaves behind
        Daemon next = new Daemon(socket, Duration.ofMinutes(1), (a, o, e) -> 0);
        assertTrue(next.bind());
        next.stop();
    }

    /** A daemon whose client hangs up halts, after starting its successor with the same JVM, socket and idle time. */
    @Test
    void theSuccessorRunsTheSameDaemonOnTheSameSocket() {
        List<String> cmd = Daemon.successorCommand(dir.resolve("d.sock"), Duration.ofSeconds(900));
        assertTrue(Path.of(cmd.get(0)).endsWith(Path.of("bin", "java")), cmd.toString());
        assertEquals(List.of(Daemon.class.getName(), dir.resolve("d.sock").toString(), "900"),
                cmd.subList(cmd.size() - 3, cmd.size()));
        assertEquals(System.getProperty("java.class.path"), cmd.get(cmd.indexOf("-cp") + 1));
        assertTrue(cmd.containsAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()),
                "this JVM's options (the launcher's class-data archive among them)");
    }

    /**
     * At the daemon limit the launcher asks the least recently used daemon to retire: a busy one refuses (and serves
     * on), an idle one exits at once, and the socket's time is its last answer, by which the launcher picks.
     */
    @Test
    void anIdleDaemonRetiresOnRequestAndABusyOneServesOn() throws Exception {
        ExternalTools.require(Files.isExecutable(Path.of(ExternalTools.PYTHON)), ExternalTools.PYTHON,
                "apt-get install python3");
        Path client = Path.of("..", "launcher", "lps-client.py").toAbsolutePath().normalize();
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        Path socket = start((args, out, err) -> {
            if (args.contains("slow")) {
                running.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 0;
        }, Duration.ofMinutes(5));
        Files.setLastModifiedTime(socket, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(0, ask(socket, cwd(), "--version").exit());
        assertTrue(Files.getLastModifiedTime(socket).toMillis() > 0, "an answer dates the socket");
        Thread slow = new Thread(() -> {
            try {
                ask(socket, cwd(), "solve", "slow");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        slow.start();
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Process busy = new ProcessBuilder(ExternalTools.PYTHON, "-I", "-S", client.toString(), "--retire",
                socket.toString()).start();
        assertEquals(75, busy.waitFor(), "a daemon at work is not retired");
        release.countDown();
        slow.join(30_000);
        assertTrue(serving.isAlive());
        // an argument that merely looks like the request is an ordinary argument, from any directory's command line
        assertEquals(0, ask(socket, cwd(), "retire").exit());
        assertTrue(serving.isAlive());
        Process idle = new ProcessBuilder(ExternalTools.PYTHON, "-I", "-S", client.toString(), "--retire",
                socket.toString()).start();
        assertEquals(0, idle.waitFor());
        assertEquals(0, idle.getInputStream().readAllBytes().length + idle.getErrorStream().readAllBytes().length);
        serving.join(10_000);
        assertFalse(serving.isAlive(), "an idle daemon retires");
        assertFalse(Files.exists(socket));
    }

    @Test
    void theLaunchersClientRelaysOutputAndExitCodeAndSaysWhenThereIsNoDaemon() throws Exception {
        ExternalTools.require(Files.isExecutable(Path.of(ExternalTools.PYTHON)), ExternalTools.PYTHON,
                "apt-get install python3");
        Path client = Path.of("..", "launcher", "lps-client.py").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(client), client.toString());
        Path socket = start((args, out, err) -> {
            out.print("out:" + String.join("|", args));
            err.print("err:é");
            return args.size();
        }, Duration.ofMinutes(5));
        Process p = new ProcessBuilder(ExternalTools.PYTHON, "-I", "-S", client.toString(), socket.toString(),
                "solve", "x y", "ü").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor());
        assertEquals("out:solve|x y|ü", out);
        assertEquals("err:é", err);
        Process none = new ProcessBuilder(ExternalTools.PYTHON, "-I", "-S", client.toString(),
                dir.resolve("nobody.sock").toString(), "--version").start();
        assertEquals(0, none.getInputStream().readAllBytes().length + none.getErrorStream().readAllBytes().length);
        assertEquals(76, none.waitFor(), "no daemon: the launcher starts one and runs the command itself");
    }

    /**
     * A daemon that dies with the request unread (it halts when its previous client was killed, as after a bench
     * timeout) resets the connection: the client runs the command itself (75), silently. It used to print a
     * Python traceback and exit 1.
     */
    @Test
    void theClientFallsBackWhenTheDaemonResetsTheConnection() throws Exception {
        ExternalTools.require(Files.isExecutable(Path.of(ExternalTools.PYTHON)), ExternalTools.PYTHON,
                "apt-get install python3");
        Path client = Path.of("..", "launcher", "lps-client.py").toAbsolutePath().normalize();
        Path socket = dir.resolve("dying.sock");
        try (java.nio.channels.ServerSocketChannel server =
                     java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread dying = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    Thread.sleep(300);   // the request arrives and stays unread: closing now resets the peer
                } catch (IOException | InterruptedException ignored) {
                    // the test fails on the client's answer, if at all
                }
            });
            dying.start();
            Process p = new ProcessBuilder(ExternalTools.PYTHON, "-I", "-S", client.toString(), socket.toString(),
                    "solve", "x.phc").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(75, p.waitFor(), err);
            assertEquals("", out);
            assertEquals("", err);
            dying.join(10_000);
        }
    }
}
