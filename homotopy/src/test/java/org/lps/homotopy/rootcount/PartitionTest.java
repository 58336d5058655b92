package org.lps.homotopy.rootcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void canonicalFormIgnoresGroupAndMemberOrder() {
        Partition a = Partition.of(4, new int[] {3, 1}, new int[] {2, 0});
        Partition b = Partition.of(4, new int[] {0, 2}, new int[] {1, 3});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(List.of(List.of(0, 2), List.of(1, 3)), a.groups());
        assertEquals(1, a.groupOf(3));
        assertEquals("{a c} {b d}", a.format(List.of("a", "b", "c", "d")));
        assertNotEquals(Partition.single(4), a);
    }

    @Test
    void singleAndSingletons() {
        assertEquals(1, Partition.single(5).groupCount());
        assertEquals(5, Partition.singletons(5).groupCount());
        assertEquals(Partition.fromAssignment(new int[] {7, 7, 2}), Partition.of(3, new int[] {0, 1}, new int[] {2}));
    }

    @Test
    void rejectsBadGroups() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Partition.of(3, new int[] {0, 1}))
                .getMessage().contains("variable 2 is in no group"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Partition.of(2, new int[] {0, 1}, new int[] {1})).getMessage().contains("two groups"));
        assertThrows(IllegalArgumentException.class, () -> Partition.of(2, new int[] {0, 5}));
        assertThrows(IllegalArgumentException.class, () -> Partition.of(2, new int[] {0, 1}, new int[0]));
    }
}
