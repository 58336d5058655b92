package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BenchThreadsCommandTest {

    @Test
    void jsonHasBothTimesAndTheirRatio() throws Exception {
        JsonNode j = Cli.json(Cli.run("bench", "threads", "--system", "cyclic5", "--repeats", "1", "--json"));
        assertEquals("cyclic5", j.get("system").asText());
        assertEquals(70, j.get("solutions").asLong());
        assertEquals(2, j.get("threads").asInt());
        double one = j.get("oneThreadSeconds").asDouble();
        double two = j.get("seconds").asDouble();
        assertTrue(one > 0 && two > 0, j.toString());
        // the reported speedup is the ratio of the reported times, whatever the machine's load
        assertEquals(one / two, j.get("speedup").asDouble(), 1e-12);
    }

    @Test
    void badFlagsAreOneLine() {
        Cli.Run r = Cli.run("bench", "threads", "--threads", "1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--threads"), r.err());
        Cli.Run s = Cli.run("bench", "threads", "--system", "cyclicx");
        assertEquals(2, s.exit());
        assertTrue(s.err().contains("--system"), s.err());
    }
}
