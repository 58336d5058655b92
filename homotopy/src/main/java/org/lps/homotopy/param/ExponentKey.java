package org.lps.homotopy.param;

import java.util.Arrays;

/** An exponent vector as a map key (arrays compare by identity): equal when the exponents are equal. */
record ExponentKey(int[] a) {
    @Override
    public boolean equals(Object o) {
        return o instanceof ExponentKey k && Arrays.equals(a, k.a);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(a);
    }
}
