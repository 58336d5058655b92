package org.lps.app.daemon;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's wire format (its client is {@code launcher/lps-client.py}). Request: the magic {@code LPS1}, a
 * count n (big-endian int32), then n strings, each a length and UTF-8 bytes: the working directory, then the
 * arguments. Answer: frames of a type byte, a length and a payload: {@link #OUT} and {@link #ERR} carry output
 * bytes, {@link #EXIT} the exit code (int32) and ends the answer, {@link #BUSY} (empty) says "run it yourself"
 * and is only ever sent before any output.
 */
final class Protocol {

    static final byte OUT = 'O', ERR = 'E', EXIT = 'X', BUSY = 'B';

    /**
     * The one argument of a request that asks an idle daemon to exit (answer: exit code 0) so that another directory
     * can have its place; a busy daemon answers {@link #BUSY} as to any request. It starts with a NUL, which no
     * command-line argument can contain, so no user's arguments can mean it.
     */
    static final String RETIRE = "\0retire";
    private static final byte[] MAGIC = {'L', 'P', 'S', '1'};
    /** Bounds on a request, so a stray connection cannot make the daemon allocate without limit. */
    private static final int MAX_STRINGS = 10_000, MAX_STRING_BYTES = 1 << 20;

    private Protocol() {
    }

    static List<String> readRequest(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an lps launcher request");
        }
        int n = data.readInt();
        if (n < 1 || n > MAX_STRINGS) {
            throw new IOException("bad request size " + n);
        }
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = data.readInt();
            if (len < 0 || len > MAX_STRING_BYTES) {
                throw new IOException("bad string length " + len);
            }
            byte[] b = new byte[len];
            data.readFully(b);
            strings.add(new String(b, StandardCharsets.UTF_8));
        }
        return strings;
    }

    static void writeRequest(OutputStream out, List<String> strings) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8).put(MAGIC).putInt(strings.size());
        out.write(head.array());
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(intBytes(b.length));
            out.write(b);
        }
        out.flush();
    }

    static void writeFrame(OutputStream out, byte type, byte[] payload) throws IOException {
        byte[] frame = new byte[5 + payload.length];
        frame[0] = type;
        System.arraycopy(intBytes(payload.length), 0, frame, 1, 4);
        System.arraycopy(payload, 0, frame, 5, payload.length);
        out.write(frame);   // one write per frame: frames of the two streams never interleave
        out.flush();
    }

    /** A frame read back (the tests' client); null at end of stream. */
    record Frame(byte type, byte[] payload) {
    }

    static Frame readFrame(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.read();
        if (type < 0) {
            return null;
        }
        try {
            byte[] b = new byte[data.readInt()];
            data.readFully(b);
            return new Frame((byte) type, b);
        } catch (EOFException e) {
            return null;
        }
    }

    static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }
}
