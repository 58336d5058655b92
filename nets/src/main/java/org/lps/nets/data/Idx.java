package org.lps.nets.data;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * IDX files, the MNIST format: two zero bytes, a type byte, the number of dimensions, each dimension as a
 * big-endian int, then the data. Unsigned bytes (type 0x08) only, which is what (Fashion-)MNIST uses. Files
 * may be gzip-compressed; that is detected from the content, not the name.
 */
public final class Idx {
    private static final int UBYTE = 0x08;
    private static final int MAX_DIMS = 8;

    private Idx() {
    }

    /** An IDX array: its dimensions and its bytes (to be read as unsigned). */
    public record Array(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        /** Values per item: the product of all but the first dimension. */
        public int itemSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) {
                n *= dims[i];
            }
            return n;
        }
    }

    public static Array read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads an IDX array; {@code source} names it in error messages. */
    public static Array read(InputStream raw, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        try {
            InputStream s = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
            byte[] head = readFully(s, 4, source, "header");
            if (head[0] != 0 || head[1] != 0) {
                throw new IOException(source + ": not an IDX file (bad magic number)");
            }
            int type = head[2] & 0xff;
            int nd = head[3] & 0xff;
            if (type != UBYTE) {
                throw new IOException(source + ": IDX element type 0x" + Integer.toHexString(type) + " not supported (only unsigned bytes, 0x08)");
            }
            if (nd < 1 || nd > MAX_DIMS) {
                throw new IOException(source + ": IDX file with " + nd + " dimensions (expected 1 to " + MAX_DIMS + ")");
            }
            byte[] dimBytes = readFully(s, 4 * nd, source, "dimensions");
            int[] dims = new int[nd];
            long total = 1;
            for (int i = 0; i < nd; i++) {
                int d = ((dimBytes[4 * i] & 0xff) << 24) | ((dimBytes[4 * i + 1] & 0xff) << 16)
                        | ((dimBytes[4 * i + 2] & 0xff) << 8) | (dimBytes[4 * i + 3] & 0xff);
                if (d < 0) {
                    throw new IOException(source + ": dimension " + i + " is negative");
                }
                dims[i] = d;
                total *= d;
                if (total > Integer.MAX_VALUE - 16) {
                    throw new IOException(source + ": IDX array too large: " + Arrays.toString(dims));
                }
            }
            byte[] data = readFully(s, (int) total, source, "data of " + Arrays.toString(dims));
            return new Array(dims, data);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(source + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IOException(source + ": corrupt or truncated gzip data", e);
        }
    }

    private static byte[] readFully(InputStream s, int n, String source, String what) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            int r = s.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException(source + ": truncated IDX file: " + what + " needs " + n + " bytes, found " + off);
            }
            off += r;
        }
        return b;
    }

    /** Writes an unsigned-byte IDX array, gzip-compressed when {@code gzip}. */
    public static void write(Path file, int[] dims, byte[] data, boolean gzip) throws IOException {
        long total = 1;
        for (int d : dims) {
            total *= d;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("IDX dims " + Arrays.toString(dims) + " do not match " + data.length + " bytes");
        }
        AtomicFile.write(file, raw -> {
            try (OutputStream z = gzip ? new GZIPOutputStream(raw, 1 << 16) {
                     {
                         def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                     }
                 } : raw;
                 DataOutputStream out = new DataOutputStream(z)) {
                out.writeByte(0);
                out.writeByte(0);
                out.writeByte(UBYTE);
                out.writeByte(dims.length);
                for (int d : dims) {
                    out.writeInt(d);
                }
                out.write(data);
            }
        });
    }
}
