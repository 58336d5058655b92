package org.lps.distributed;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An options record (TrackerOptions, EndgameOptions, RetryLadder, ...) as it travels to the executors: its class name
 * and its components, rebuilt there by the canonical constructor. The solver's options records are not
 * {@link Serializable} and need not be: their components are numbers, strings, enums, other such records and lists of
 * them, which is all this takes. A component of another kind is refused on the driver, before the job.
 */
final class RecordWire implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String type;
    /** Each a boxed primitive, a String, an enum, a RecordWire, or an ArrayList of those. */
    private final Object[] values;

    private RecordWire(String type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    static RecordWire of(Record r) {
        RecordComponent[] rc = r.getClass().getRecordComponents();
        Object[] values = new Object[rc.length];
        for (int k = 0; k < rc.length; k++) {
            try {
                values[k] = encode(rc[k].getAccessor().invoke(r), r.getClass().getName() + "." + rc[k].getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + rc[k].getName(), e);
            }
        }
        return new RecordWire(r.getClass().getName(), values);
    }

    private static Object encode(Object v, String where) {
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof List<?> list) {
            ArrayList<Object> out = new ArrayList<>();
            for (Object x : list) {
                out.add(encode(x, where));
            }
            return out;
        }
        if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Character
                || v instanceof Enum<?>) {
            return v;
        }
        throw new IllegalArgumentException(where + " is a " + v.getClass().getName() + ": it cannot be sent to the"
                + " executors");
    }

    private static Object decode(Object v) {
        if (v instanceof RecordWire w) {
            return w.rebuild();
        }
        if (v instanceof ArrayList<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) {
                out.add(decode(x));
            }
            return List.copyOf(out);
        }
        return v;
    }

    /** The record, equal to the one given to {@link #of}. */
    Record rebuild() {
        try {
            Class<?> c = Class.forName(type, true, RecordWire.class.getClassLoader());
            RecordComponent[] rc = c.getRecordComponents();
            Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] args = new Object[values.length];
            for (int k = 0; k < args.length; k++) {
                args[k] = decode(values[k]);
            }
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            return (Record) ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type, e);
        }
    }

    /** A stable text of the record, for cache keys. */
    @Override
    public String toString() {
        return type + Arrays.deepToString(values);
    }
}
