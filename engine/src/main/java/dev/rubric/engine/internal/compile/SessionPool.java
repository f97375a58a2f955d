package dev.rubric.engine.internal.compile;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Sessions of one knowledge base for evaluations to borrow and give back. A session given back is reset
 * (facts, agenda, globals and listeners cleared; node memories kept) and reused, which saves building its
 * node memories again: about a sixth of a small rubric's evaluation.
 *
 * <p>Design notes. Drools' own {@code KieSessionsPool} keeps every session it ever made and resets even a
 * session a failure left behind; this pool keeps at most one idle session per processor, disposes of the
 * rest (so the knowledge base never holds more sessions than are in use plus that many), and never reuses
 * a session an error, a halt or a time limit interrupted. Resetting uses the session implementation's
 * {@code reset()}, the same call Drools' pool makes; a session of another implementation is simply disposed.
 * Thread-safe.
 */
public final class SessionPool {

    private final KieBase kieBase;
    private final ArrayBlockingQueue<KieSession> idle;

    /** A pool of sessions of {@code kieBase} that keeps up to one idle session per processor; makes none until asked. */
    public SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** A clean session for one evaluation: an idle one, or a new one. */
    public KieSession borrow() {
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /** Gives back a session whose evaluation completed: reset and kept for the next one, or disposed when enough are idle. */
    public void giveBack(KieSession session) {
        if (session instanceof StatefulKnowledgeSessionImpl reusable) {
            reusable.reset();
            if (idle.offer(session)) {
                return;
            }
        }
        session.dispose();
    }

    /** Disposes of a session that must not be reused. */
    public void discard(KieSession session) {
        session.dispose();
    }
}
