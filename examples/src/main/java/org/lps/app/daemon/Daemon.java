package org.lps.app.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lps.app.LpsApp;

/**
 * A resident {@code lps} JVM that answers the launcher's requests over a Unix-domain socket, so that a small
 * {@code lps solve} costs a connection and a warm solve instead of a JVM start, class loading and JIT warm-up
 * (about 0.3 s of a 0.35 s small solve).
 *
 * <p>A daemon serves exactly one working directory and one environment, those it was started with: the launcher
 * names the socket after a hash of the jar, the directory and the environment variables the app reads, so a
 * relative path, {@code LPS_DEBUG} or {@code PATH} means the same as in a fresh JVM. It runs one request at a
 * time; a request that arrives meanwhile is answered {@link Protocol#BUSY} at once and the launcher runs a fresh
 * JVM, so parallel callers never wait on each other. When the client goes away mid-request (Ctrl-C) the daemon
 * halts, as a fresh JVM would have. After an internal error (exit code other than 0 and 2: a bug, an I/O
 * failure, memory) it answers and then exits, so no damaged state outlives the request. It exits by itself
 * after an idle period.
 */
public final class Daemon {

    /** Runs one command line with the given output and error streams; returns its exit code. */
    public interface App {
        int run(List<String> args, PrintWriter out, PrintWriter err);
    }

    /** The real app: a fresh picocli tree per request (commands keep their options in fields). */
    static final App LPS = (args, out, err) -> {
        String[] a = args.toArray(String[]::new);
        return LpsApp.commandLine(a).setOut(out).setErr(err).execute(a);
    };

    private final Path socket;
    private final Duration idle;
    private final App app;
    private final Path workingDirectory;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    private volatile boolean stopping;
    private ServerSocketChannel server;

    public Daemon(Path socket, Duration idle, App app) {
        this.socket = socket;
        this.idle = idle;
        this.app = app;
        this.workingDirectory = Path.of("").toAbsolutePath();
    }

    /** {@code Daemon SOCKET IDLE_SECONDS}: started by the launcher in the user's directory, never by hand. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Daemon SOCKET IDLE_SECONDS (started by the lps launcher)");
            System.exit(2);
        }
        warmUp();
        Daemon d = new Daemon(Path.of(args[0]), Duration.ofSeconds(Long.parseLong(args[1])), LPS);
        boolean bound = d.bind();
        // the launcher's "a daemon is starting" marker: from now on a client finds the socket (or another daemon's)
        Files.deleteIfExists(Path.of(args[0] + ".starting"));
        if (bound) {
            d.serve();
        }
    }

    /**
     * Solves a few small systems before the socket exists (clients meanwhile run their own JVM), so the first
     * request finds the parser, the tracker and the JSON writer compiled.
     */
    private static void warmUp() {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        for (int round = 0; round < 3; round++) {
            for (String system : List.of("katsura4", "cyclic5", "noon3")) {
                LPS.run(List.of("solve", "--system", system, "--json", "--solutions"), sink, sink);
                LPS.run(List.of("solve", "--system", system, "--start", "total-degree"), sink, sink);
            }
        }
    }

    /**
     * Binds the socket; false if a live daemon already listens there. A socket file left by a daemon that died is
     * removed first (a connection to it is refused).
     */
    public boolean bind() throws IOException {
        if (Files.exists(socket)) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return false;
            } catch (IOException refused) {
                Files.deleteIfExists(socket);
            }
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException inUse) {
            server.close();
            return false;
        }
        socket.toFile().deleteOnExit();
        return true;
    }

    /** Accepts requests until idle or stopped; each runs on its own thread while this one answers the others. */
    public void serve() throws IOException {
        Thread watchdog = new Thread(this::stopWhenIdle, "lps-daemon-idle");
        watchdog.setDaemon(true);
        watchdog.start();
        while (!stopping) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                break;
            }
            if (!busy.compareAndSet(false, true)) {
                refuse(client);
                continue;
            }
            Thread t = new Thread(() -> handle(client), "lps-daemon-request");
            t.start();
        }
        Files.deleteIfExists(socket);
    }

    /** Stops accepting and removes the socket; a request under way finishes. */
    public void stop() {
        stopping = true;
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // the socket file is removed on exit anyway
        }
    }

    private void stopWhenIdle() {
        while (!stopping) {
            try {
                Thread.sleep(Math.min(1000, Math.max(10, idle.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            if (!busy.get() && System.nanoTime() - lastRequest.get() > idle.toNanos()) {
                stop();
            }
        }
    }

    /** Reads the request (on its own thread: the client may be slow) and answers {@link Protocol#BUSY}. */
    private static void refuse(SocketChannel client) {
        Thread t = new Thread(() -> {
            try (client; OutputStream out = new ChannelOutput(client)) {
                Protocol.readRequest(Channels.newInputStream(client));
                Protocol.writeFrame(out, Protocol.BUSY, new byte[0]);
            } catch (IOException | RuntimeException ignored) {
                // the client falls back to its own JVM either way
            }
        }, "lps-daemon-busy");
        t.setDaemon(true);
        t.start();
    }

    private void handle(SocketChannel client) {
        int exit = 0;
        try {
            InputStream in = Channels.newInputStream(client);
            OutputStream raw = new ChannelOutput(client);
            List<String> request = Protocol.readRequest(in);
            if (request.size() == 2 && request.get(1).equals(Protocol.RETIRE)) {
                // idle (a busy daemon never gets here): make room for another directory's daemon
                stop();
                release(0);
                Protocol.writeFrame(raw, Protocol.EXIT, Protocol.intBytes(0));
                return;
            }
            // the request is [directory, args...]: a daemon serves only the directory it runs in
            if (!Path.of(request.get(0)).toAbsolutePath().normalize().equals(workingDirectory.normalize())) {
                release(0);
                Protocol.writeFrame(raw, Protocol.BUSY, new byte[0]);
                return;
            }
            AtomicBoolean answered = new AtomicBoolean();
            watchForHangUp(client, answered);
            Object lock = new Object();
            PrintWriter out = writer(raw, Protocol.OUT, lock);
            PrintWriter err = writer(raw, Protocol.ERR, lock);
            PrintStream oldOut = System.out, oldErr = System.err;
            // stray System.out/err writes (libraries) go to this client too, not to the daemon's /dev/null
            System.setOut(new PrintStream(new FrameOutputStream(raw, Protocol.OUT, lock), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FrameOutputStream(raw, Protocol.ERR, lock), true, StandardCharsets.UTF_8));
            try {
                exit = app.run(request.subList(1, request.size()), out, err);
            } catch (RuntimeException | Error e) {
                err.println("lps: internal error in the lps daemon: " + e);
                exit = 1;
            } finally {
                out.flush();
                err.flush();
                System.out.flush();
                System.err.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            answered.set(true);
            // free (or stopped) before the answer goes out, so the client's next request finds the daemon ready
            release(exit);
            synchronized (lock) {
                Protocol.writeFrame(raw, Protocol.EXIT, Protocol.intBytes(exit));
            }
        } catch (IOException | RuntimeException e) {
            // a malformed request or a client that left: nothing to answer
        } finally {
            release(exit);   // before the close: a client that sees the end may ask again at once
            try {
                client.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private void release(int exit) {
        if (exit != 0 && exit != 2) {
            stop();
        }
        lastRequest.set(System.nanoTime());
        try {
            // the socket's time is its last use: the launcher retires the least recently used daemon first
            Files.setLastModifiedTime(socket, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException gone) {
            // stopped meanwhile: no socket to date
        }
        busy.set(false);
    }

    private static PrintWriter writer(OutputStream raw, byte type, Object lock) {
        return new PrintWriter(new java.io.OutputStreamWriter(new FrameOutputStream(raw, type, lock),
                StandardCharsets.UTF_8), true);
    }

    /**
     * The client sends nothing after its request, so end of stream means it went away (Ctrl-C, a killed
     * launcher): the work it asked for is abandoned the way a fresh JVM's would be, by halting. A successor is
     * started first, so the next call in this directory (a bench's next system after a time-out, the user's
     * command after Ctrl-C) finds a warm JVM again rather than starting and warming one of its own.
     */
    private void watchForHangUp(SocketChannel client, AtomicBoolean answered) {
        Thread t = new Thread(() -> {
            try {
                if (client.read(java.nio.ByteBuffer.allocate(1)) < 0 && !answered.get()) {
                    stop();
                    startSuccessor();
                    Runtime.getRuntime().halt(130);
                }
            } catch (IOException closedByUs) {
                // the request finished and the channel was closed
            }
        }, "lps-daemon-hangup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * A new daemon on the same socket (which {@link #stop} has removed), with this JVM's options, class path,
     * directory and environment (so the same launcher key), detached from this process; the launcher's "starting"
     * marker keeps a client from starting a second one meanwhile. Best effort: without it the next call starts one as the launcher always does.
     */
    private void startSuccessor() {
        try {
            Files.write(Path.of(socket + ".starting"), new byte[0]);
            new ProcessBuilder(successorCommand(socket, idle))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            // no successor: the launcher starts a daemon on the next call
        }
    }

    /** {@code java [this JVM's options] -cp [this class path] Daemon SOCKET IDLE_SECONDS}. */
    static List<String> successorCommand(Path socket, Duration idle) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Daemon.class.getName());
        cmd.add(socket.toString());
        cmd.add(Long.toString(idle.toSeconds()));
        return cmd;
    }

    /**
     * Writes straight to the channel: the streams of {@code Channels} lock the channel as a whole, so a write
     * would wait for the hang-up watcher's blocked read; the channel's own read and write do not exclude each other.
     */
    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }

    /** Everything written becomes one frame of the given type per write, under the shared lock. */
    private static final class FrameOutputStream extends OutputStream {
        private final OutputStream raw;
        private final byte type;
        private final Object lock;

        FrameOutputStream(OutputStream raw, byte type, Object lock) {
            this.raw = raw;
            this.type = type;
            this.lock = lock;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            synchronized (lock) {
                Protocol.writeFrame(raw, type, java.util.Arrays.copyOfRange(b, off, off + len));
            }
        }
    }
}
