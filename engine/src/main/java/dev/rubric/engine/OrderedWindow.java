package dev.rubric.engine;

import dev.rubric.api.RubricException;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Works on a stream of items on a pool of threads and hands their results over in input order, with at most a fixed
 * window of items in flight, so memory does not grow with the stream however slow the consumer or one item is.
 *
 * <p>The calling thread takes items from the source and hands results to the sink; the pool's threads only do the work.
 * The first failure, in input order, stops the stream: every result before it has been handed over, none after it.
 *
 * @param <I> an item of the stream
 * @param <R> the result of one item
 */
final class OrderedWindow<I, R> {

    /** Items in flight per worker thread: enough to keep workers busy while the sink waits on the oldest. */
    static final int PER_THREAD = 64;

    private final int threads;

    /** A window over {@code threads} worker threads, {@value #PER_THREAD} items in flight per thread. */
    OrderedWindow(int threads) {
        this.threads = threads;
    }

    /**
     * Runs every item of the source through {@code work} and hands the results to {@code sink} in input order.
     *
     * @param source gives the next item, or null at the end; called on this thread
     * @param work   makes an item's result; called on the pool's threads
     * @param sink   takes each result in input order; called on this thread
     * @param taken  told after each item taken from the source; called on this thread
     * @return how many items were worked on
     * @throws RubricException or another runtime exception: the first an item's work threw, in input order
     */
    long run(Supplier<I> source, Function<I, R> work, Consumer<R> sink, Runnable taken) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        ArrayDeque<Future<R>> window = new ArrayDeque<>();
        int max = threads * PER_THREAD;
        long count = 0;
        try {
            I item;
            while ((item = source.get()) != null) {
                I current = item;
                window.add(pool.submit(() -> work.apply(current)));
                if (window.size() >= max) {
                    sink.accept(result(window.poll()));
                    count++;
                }
                taken.run();
            }
            while (!window.isEmpty()) {
                sink.accept(result(window.poll()));
                count++;
            }
            return count;
        } finally {
            window.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rubric-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
