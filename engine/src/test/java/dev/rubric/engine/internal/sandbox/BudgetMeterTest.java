package dev.rubric.engine.internal.sandbox;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Which meter the budget calls of rubric code count against: always the running meter of the calling thread. */
class BudgetMeterTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void nestedMetersRunInTurnAndTheOuterOneRunsAgainWhenTheInnerOneCloses() {
        assertThat(Budget.current()).isNull();
        try (Budget.Meter outer = Budget.start(MINUTE, 0)) {
            Budget.Meter entered = Budget.enter(1);
            assertThat(entered).isSameAs(outer);
            assertThat(Budget.current()).isSameAs(outer);
            try (Budget.Meter inner = Budget.start(MINUTE, 0)) {
                Budget.Meter again = Budget.enter(2);
                assertThat(again).isSameAs(inner);
                assertThat(Budget.current()).isSameAs(inner);
                assertThat(inner.site()).isEqualTo(2);
                assertThat(outer.site()).isEqualTo(1);
                Budget.exit(again);
            }
            assertThat(Budget.current()).isSameAs(outer);
            Budget.loop(3);
            assertThat(outer.site()).isEqualTo(3);
            Budget.exit(entered);
        }
        assertThat(Budget.current()).isNull();
        Budget.Meter none = Budget.enter(4); // outside an evaluation: nothing to count against
        assertThat(none).isNull();
        Budget.exit(none);
        assertThat(Budget.current()).isNull();
    }

    @Test
    void aMeterStartedAfterMetersClosedOutOfOrderIsTheOneCountedAgainst() {
        Budget.Meter a = Budget.start(MINUTE, 0);
        Budget.Meter b = Budget.start(MINUTE, 0);
        try {
            a.close(); // out of order: the thread runs what closing a leaves, a's outer (none)
            assertThat(Budget.current()).isNull();
            try (Budget.Meter e = Budget.start(MINUTE, 0)) {
                Budget.Meter entered = Budget.enter(5);
                assertThat(entered).isSameAs(e);
                assertThat(Budget.current()).isSameAs(e);
                assertThat(b.site()).as("the meter left behind counts nothing").isEqualTo(-1);
                Budget.exit(entered);
            }
        } finally {
            b.close(); // gives the thread b's outer, a, again (as the thread-local always did) ...
            a.close(); // ... and closing it leaves none
        }
        assertThat(Budget.current()).isNull();
    }

    @Test
    void aThreadCountsAgainstItsOwnMeterWhileAnotherThreadHoldsTheSameShortcut() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Budget.Meter> first = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            try (Budget.Meter m = Budget.start(MINUTE, 0)) {
                first.set(m);
                Budget.enter(10);
                started.countDown();
                done.await();
                assertThat(Budget.current()).isSameAs(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        started.await();
        try {
            CompletableFuture<int[]> sites = new CompletableFuture<>();
            Runnable check = () -> {
                try (Budget.Meter m = Budget.start(MINUTE, 0)) {
                    Budget.enter(20);
                    Budget.loop(21);
                    sites.complete(new int[]{Budget.current() == m ? 1 : 0, m.site()});
                } catch (Throwable e) {
                    sites.completeExceptionally(e);
                }
            };
            // threads share a shortcut when their ids are equal modulo its length: make one that does
            Thread colliding = null;
            for (int i = 0; i < 200 && colliding == null; i++) {
                Thread t = new Thread(check);
                if ((t.getId() & 63) == (holder.getId() & 63)) {
                    colliding = t;
                }
            }
            assertThat(colliding).as("a thread whose id meets the holder's modulo 64").isNotNull();
            colliding.start();
            int[] seen = sites.get(1, TimeUnit.MINUTES);
            assertThat(seen[0]).as("the colliding thread's running meter is its own").isEqualTo(1);
            assertThat(seen[1]).isEqualTo(21);
            assertThat(first.get().site()).as("the holder's meter counted nothing of the other thread").isEqualTo(10);
        } finally {
            done.countDown();
            holder.join();
        }
    }
}
