package org.lps.nets.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header mapping each
 * name to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header), then
 * the raw little-endian data. We write F32 and read F32 or F64.
 */
public final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {
    }

    public static void write(Path file, List<NamedArray> arrays, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (NamedArray a : arrays) {
            ObjectNode t = header.putObject(a.name());
            t.put("dtype", "F32");
            ArrayNode shape = t.putArray("shape");
            for (int d : a.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * a.values().length;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8; // keeps the data 8-byte aligned, as the reference writer does
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        // whole or not at all: a full disk must not leave half a weight file where the old one was
        AtomicFile.write(file, out -> {
            out.write(head.array(), 0, head.limit());
            for (NamedArray a : arrays) {
                ByteBuffer b = ByteBuffer.allocate(4 * a.values().length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(a.values());
                out.write(b.array());
            }
        });
    }

    /** Reads every tensor, in header order; a malformed file gets a message naming it and what is wrong. */
    public static List<NamedArray> read(Path file) throws IOException {
        String src = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new IOException(src + ": not a safetensors file (shorter than its 8-byte header length)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readAll(ch, lenBuf, 0);
            long n = lenBuf.getLong(0);
            if (n < 2 || n > MAX_HEADER || n > size - 8) {
                throw new IOException(src + ": not a safetensors file (header length " + n + " for a file of " + size + " bytes)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readAll(ch, hb, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(src + ": the safetensors header is not valid JSON: " + e.getOriginalMessage());
            }
            if (header == null || !header.isObject()) {
                throw new IOException(src + ": the safetensors header is not a JSON object");
            }
            long dataStart = 8 + n;
            long dataSize = size - dataStart;
            List<NamedArray> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                out.add(tensor(ch, src, e.getKey(), e.getValue(), dataStart, dataSize));
            }
            return out;
        }
    }

    private static NamedArray tensor(FileChannel ch, String src, String name, JsonNode t, long dataStart, long dataSize) throws IOException {
        String where = src + ", tensor '" + name + "'";
        String dtype = t.path("dtype").asText("");
        int width;
        switch (dtype) {
            case "F32": width = 4; break;
            case "F64": width = 8; break;
            default: throw new IOException(where + ": dtype '" + dtype + "' not supported (F32 or F64)");
        }
        JsonNode shapeNode = t.path("shape");
        JsonNode offs = t.path("data_offsets");
        if (!shapeNode.isArray() || !offs.isArray() || offs.size() != 2) {
            throw new IOException(where + ": needs a shape array and two data_offsets");
        }
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new IOException(where + ": bad dimension " + d);
            }
            shape[i] = d.asInt();
            count *= shape[i];
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(where + ": too large");
            }
        }
        long begin = offs.get(0).asLong(-1);
        long end = offs.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataSize) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] outside the " + dataSize + " data bytes");
        }
        if (end - begin != count * width) {
            throw new IOException(where + ": " + (end - begin) + " bytes for a " + dtype + " tensor of " + count + " values");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readAll(ch, b, dataStart + begin);
        float[] v = new float[(int) count];
        if (width == 4) {
            b.asFloatBuffer().get(v);
        } else {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) b.getDouble(8 * i);
            }
        }
        return new NamedArray(name, shape, v);
    }

    private static void readAll(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
            p += r;
        }
        b.flip();
    }
}
