package org.lps.homotopy.poly;

import java.util.Arrays;

/**
 * Collects terms (exponent vector, complex coefficient), merging equal exponent vectors, and builds the
 * canonical {@link Polynomial}. Open addressing over flat arrays: products of polynomials with thousands
 * of terms (the LPS loss functions) go through here, and boxing every exponent vector would dominate.
 */
final class TermAccumulator {

    private final int width;
    private int size;
    private int[] exps;
    private double[] re;
    private double[] im;
    private int[] table;   // slot -> term index + 1, 0 for empty
    private int mask;

    TermAccumulator(int width, int expectedTerms) {
        this.width = width;
        int cap = Math.max(4, Math.min(expectedTerms, 1 << 16));
        exps = new int[cap * Math.max(width, 1)];
        re = new double[cap];
        im = new double[cap];
        int slots = Integer.highestOneBit(Math.max(8, cap * 2 - 1)) << 1;
        table = new int[slots];
        mask = slots - 1;
    }

    void addAll(Polynomial p, double cr, double ci) {
        int[] e = new int[width];
        for (int t = 0; t < p.termCount(); t++) {
            for (int v = 0; v < width; v++) {
                e[v] = p.exponent(t, v);
            }
            double ar = p.re(t), ai = p.im(t);
            add(e, 0, ar * cr - ai * ci, ar * ci + ai * cr);
        }
    }

    /** Adds c * x^e where e = exponents[offset .. offset + width) (shorter arrays are zero-padded). */
    void add(int[] exponents, int offset, double cr, double ci) {
        int h = hash(exponents, offset);
        int slot = h & mask;
        while (true) {
            int idx = table[slot] - 1;
            if (idx < 0) {
                break;
            }
            if (equalAt(idx, exponents, offset)) {
                re[idx] += cr;
                im[idx] += ci;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == Polynomial.MAX_TERMS) {
            throw new PolynomialTooLargeException(
                    "expression expands to more than " + Polynomial.MAX_TERMS + " terms");
        }
        ensureCapacity(size + 1);
        for (int v = 0; v < width; v++) {
            exps[size * width + v] = offset + v < exponents.length ? exponents[offset + v] : 0;
        }
        re[size] = cr;
        im[size] = ci;
        size++;
        table[slot] = size;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
    }

    private int hash(int[] e, int offset) {
        int h = 1;
        for (int v = 0; v < width; v++) {
            int x = offset + v < e.length ? e[offset + v] : 0;
            h = 31 * h + x;
        }
        return h ^ (h >>> 16) * 0x9E3779B1;
    }

    private boolean equalAt(int idx, int[] e, int offset) {
        for (int v = 0; v < width; v++) {
            int x = offset + v < e.length ? e[offset + v] : 0;
            if (exps[idx * width + v] != x) {
                return false;
            }
        }
        return true;
    }

    private void ensureCapacity(int n) {
        if (n > re.length) {
            int cap = Math.max(n, re.length * 2);
            exps = Arrays.copyOf(exps, cap * Math.max(width, 1));
            re = Arrays.copyOf(re, cap);
            im = Arrays.copyOf(im, cap);
        }
    }

    private void rehash(int slots) {
        table = new int[slots];
        mask = slots - 1;
        for (int idx = 0; idx < size; idx++) {
            int slot = hash(exps, idx * width) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = idx + 1;
        }
    }

    /** The canonical polynomial: zero terms dropped, trailing unused variables trimmed, terms sorted. */
    Polynomial build() {
        int kept = 0;
        int w = 0;
        Integer[] order = new Integer[size];
        for (int t = 0; t < size; t++) {
            if (re[t] == 0.0 && im[t] == 0.0) {
                continue;
            }
            order[kept++] = t;
            for (int v = width - 1; v >= w; v--) {
                if (exps[t * width + v] != 0) {
                    w = v + 1;
                    break;
                }
            }
        }
        Integer[] live = Arrays.copyOf(order, kept);
        Arrays.sort(live, this::compareTerms);
        int[] e = new int[kept * w];
        double[] r = new double[kept];
        double[] i = new double[kept];
        for (int k = 0; k < kept; k++) {
            int t = live[k];
            System.arraycopy(exps, t * width, e, k * w, w);
            // + 0.0 turns -0.0 into 0.0, so equal polynomials have bit-equal coefficients
            r[k] = re[t] + 0.0;
            i[k] = im[t] + 0.0;
        }
        return new Polynomial(w, e, r, i);
    }

    /** Total degree descending, then exponent vectors lexicographically descending. */
    private int compareTerms(int a, int b) {
        int da = 0, db = 0;
        for (int v = 0; v < width; v++) {
            da += exps[a * width + v];
            db += exps[b * width + v];
        }
        if (da != db) {
            return Integer.compare(db, da);
        }
        for (int v = 0; v < width; v++) {
            int c = Integer.compare(exps[b * width + v], exps[a * width + v]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
