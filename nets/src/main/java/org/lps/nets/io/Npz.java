package org.lps.nets.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip of {@code NAME.npy} files, each a version-1.0 .npy array (magic, a Python-dict
 * header padded to a multiple of 64 bytes, then C-order little-endian data). We write {@code <f4} and read
 * {@code <f4} or {@code <f8}.
 */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    public static void write(Path file, List<NamedArray> arrays) throws IOException {
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (NamedArray a : arrays) {
                    ZipEntry e = new ZipEntry(a.name() + ".npy");
                    e.setTime(0); // reproducible files
                    zip.putNextEntry(e);
                    writeNpy(zip, a);
                    zip.closeEntry();
                }
            }
        });
    }

    static void writeNpy(OutputStream out, NamedArray a) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        int[] s = a.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(s[i]);
        }
        shape.append(s.length == 1 ? ",)" : ")");
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
        int total = MAGIC.length + 2 + 2 + h.length() + 1;
        while (total % 64 != 0) {
            h.append(' ');
            total++;
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length & 0xff);
        out.write(header.length >>> 8);
        out.write(header);
        ByteBuffer b = ByteBuffer.allocate(4 * a.values().length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a.values());
        out.write(b.array());
    }

    public static List<NamedArray> read(Path file) throws IOException {
        List<NamedArray> out = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                out.add(readNpy(zip, name.substring(0, name.length() - 4), file + ", " + name));
            }
        } catch (java.util.zip.ZipException ex) {
            throw new IOException(file + ": not a valid .npz (zip) file: " + ex.getMessage(), ex);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no .npy arrays inside (is it an .npz file?)");
        }
        return out;
    }

    static NamedArray readNpy(InputStream in, String name, String where) throws IOException {
        byte[] pre = in.readNBytes(8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.length < 8 || pre[i] != MAGIC[i]) {
                throw new IOException(where + ": not a .npy array (bad magic)");
            }
        }
        int major = pre[6];
        int len;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            len = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            len = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException(where + ": .npy version " + major + " not supported");
        }
        if (len < 0 || len > 1 << 20) {
            throw new IOException(where + ": bad .npy header length " + len);
        }
        String header = new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(where + ": .npy header not understood: " + header.trim());
        }
        if (f.group(1).equals("True")) {
            throw new IOException(where + ": Fortran-order arrays not supported");
        }
        String descr = d.group(1);
        int width = descr.equals("<f4") ? 4 : descr.equals("<f8") ? 8 : -1;
        if (width < 0) {
            throw new IOException(where + ": dtype '" + descr + "' not supported (<f4 or <f8)");
        }
        List<Integer> dims = new ArrayList<>();
        long count = 1;
        for (String part : s.group(1).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int v = Integer.parseInt(part.trim());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
                count *= v;
            } catch (NumberFormatException ex) {
                throw new IOException(where + ": bad shape (" + s.group(1) + ")");
            }
            if (count > Integer.MAX_VALUE / 8) {
                throw new IOException(where + ": array too large");
            }
        }
        byte[] data = in.readNBytes((int) count * width);
        if (data.length != count * width) {
            throw new IOException(where + ": truncated: " + data.length + " of " + count * width + " data bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = width == 4 ? b.getFloat(4 * i) : (float) b.getDouble(8 * i);
        }
        return new NamedArray(name, dims.stream().mapToInt(Integer::intValue).toArray(), v);
    }
}
