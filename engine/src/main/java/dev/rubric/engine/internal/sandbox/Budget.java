package dev.rubric.engine.internal.sandbox;

import java.lang.management.ManagementFactory;

/**
 * The budget of the evaluation running on this thread: the calls {@link Instrumenter} puts into every method of a
 * rubric's compiled code, and the meter they count against.
 *
 * <p>Design notes. A rubric's code can loop, recurse and allocate inside one consequence or one condition, where
 * no firing limit sees it. So the compiled code itself reports: every method of it enters and exits through
 * {@link #enter}/{@link #exit(Meter)}, every backward jump (each turn of a loop) calls {@link #loop}, and every array it
 * makes is sized through {@link #array}. These are static calls on a thread-local meter, a few nanoseconds each;
 * every {@value #CHECK_EVERY} counts the meter reads the clock and the bytes the thread has allocated, and when the
 * evaluation is past its time, its depth or its allocation it throws {@link BudgetExceeded}. That is an
 * {@link Error}, and restricted code may not catch errors (see {@link BytecodeVerifier}), so it unwinds the rubric's
 * code whatever it does. Outside an evaluation (no meter on the thread, as while the knowledge base is built) the
 * calls do nothing.
 *
 * <p>What it cannot see: time spent inside one call of the Java library (which is why the allowlist leaves out
 * calls whose cost grows with an argument, such as {@code String.repeat} or {@code BigInteger.pow}), and an
 * allocation made by one such call before the next count. A single allocation larger than the heap fails at once
 * with an {@link OutOfMemoryError} that unwinds the evaluation like a budget error.
 */
public final class Budget {

    /** Calls between two reads of the clock and the allocation counter. */
    static final int CHECK_EVERY = 1024;
    /** The deepest nesting of a rubric's own methods (functions calling functions, conditions inserting facts). */
    public static final int MAX_DEPTH = 200;
    /** The longest array rubric code may make. */
    public static final int MAX_ARRAY = 1_000_000;

    private static final ThreadLocal<Meter> CURRENT = new ThreadLocal<>();
    /**
     * The running meter of a few threads, by thread id modulo the length: a shortcut past {@link #CURRENT}, whose lookup
     * is most of the cost of a budget call. A slot holds a thread's meter only while that meter is the thread's running
     * one; a thread whose slot another thread holds goes through {@link #CURRENT}, which always holds the running meter.
     * Only the owning thread puts its meter in a slot or takes it out, so a thread that finds its own meter there has
     * found its running one; a meter of another thread it may find is never used.
     */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<Meter> BY_THREAD = new java.util.concurrent.atomic.AtomicReferenceArray<>(64);
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private Budget() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return t;
        }
        return null;
    }

    /** The meter of one evaluation; made by {@link #start} and ended by {@link Meter#close}. */
    public static final class Meter implements AutoCloseable {
        private final long deadline;
        private final long timeLimitNanos;
        private final long allocationLimit;
        private final long allocatedAtStart;
        private final Meter outer;
        private final Thread owner = Thread.currentThread();
        private int countdown = CHECK_EVERY;
        private int depth;
        private int site = -1;

        private Meter(long timeLimitNanos, long allocationLimit, Meter outer) {
            this.timeLimitNanos = timeLimitNanos;
            this.deadline = System.nanoTime() + timeLimitNanos;
            this.allocationLimit = allocationLimit;
            this.allocatedAtStart = allocated();
            this.outer = outer;
        }

        /** The site (a compiled class of the rubric, see {@link Instrumenter}) that ran last, or -1. */
        public int site() {
            return site;
        }

        /** Checks the clock and the allocation now, as at every {@value #CHECK_EVERY} counts. */
        public void check() {
            countdown = CHECK_EVERY;
            if (System.nanoTime() - deadline > 0) {
                throw new BudgetExceeded(BudgetExceeded.Kind.TIME, site, timeLimitNanos / 1_000_000);
            }
            if (allocationLimit > 0 && allocated() - allocatedAtStart > allocationLimit) {
                throw new BudgetExceeded(BudgetExceeded.Kind.MEMORY, site, allocationLimit >> 20);
            }
        }

        private void count(int at) {
            site = at;
            if (--countdown <= 0) {
                check();
            }
        }

        /** Ends the meter: the thread's code runs unmetered again (or under the meter this one was started in). */
        @Override
        public void close() {
            int slot = slot(owner);
            Meter held = BY_THREAD.get(slot);
            if (held != null && held.owner == owner) {
                BY_THREAD.compareAndSet(slot, held, outer); // this thread's: it follows CURRENT, even when meters close out of order
            }
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Starts metering this thread's rubric code.
     *
     * @param timeLimitNanos  how long the code may run, in nanoseconds; positive
     * @param allocationLimit how many bytes the thread may allocate meanwhile; 0 for no limit
     */
    public static Meter start(long timeLimitNanos, long allocationLimit) {
        Meter outer = CURRENT.get();
        Meter m = new Meter(timeLimitNanos, allocationLimit, outer);
        CURRENT.set(m);
        int slot = slot(m.owner);
        Meter held = BY_THREAD.get(slot);
        if (held == null || held.owner == m.owner || !held.owner.isAlive()) {
            BY_THREAD.compareAndSet(slot, held, m); // lost to another thread: this one goes through CURRENT
        }
        return m;
    }

    private static int slot(Thread t) {
        return (int) t.getId() & 63;
    }

    /** The running meter of this thread, or null. */
    private static Meter running() {
        Thread t = Thread.currentThread();
        Meter m = BY_THREAD.getPlain(slot(t));
        return m != null && m.owner == t ? m : CURRENT.get();
    }

    /** The meter of this thread's evaluation, or null outside one. */
    public static Meter current() {
        return running();
    }

    /** Checks the clock and the allocation of this thread's evaluation now, as the engine does before each rule firing. */
    public static void checkpoint() {
        Meter m = running();
        if (m != null) {
            m.check();
        }
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * At the start of each method of a rubric's code.
     *
     * @return the meter the call counted against, or null outside an evaluation: the method keeps it and hands it to
     * {@link #exit(Meter)} on its way out, so leaving costs no second lookup
     */
    public static Meter enter(int site) {
        Meter m = running();
        if (m != null) {
            if (++m.depth > MAX_DEPTH) {
                m.depth = 0; // the error unwinds every frame; a handler that counted them would only count again
                throw new BudgetExceeded(BudgetExceeded.Kind.DEPTH, site, MAX_DEPTH);
            }
            m.count(site);
        }
        return m;
    }

    /** At each way out of a method of a rubric's code, returning or throwing, with what {@link #enter} returned. */
    public static void exit(Meter m) {
        if (m != null && m.depth > 0) {
            m.depth--;
        }
    }

    /** Before each backward jump of a rubric's code: one turn of a loop. */
    public static void loop(int site) {
        Meter m = running();
        if (m != null) {
            m.count(site);
        }
    }

    /** Before rubric code makes an array of {@code length} elements. */
    public static void array(int length, int site) {
        if (length > MAX_ARRAY) {
            throw new BudgetExceeded(BudgetExceeded.Kind.ARRAY, site, MAX_ARRAY);
        }
        loop(site);
    }
}
