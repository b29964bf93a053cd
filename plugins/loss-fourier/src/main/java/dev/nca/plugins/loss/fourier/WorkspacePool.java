package dev.nca.plugins.loss.fourier;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reuses {@link DftWorkspace}s across calls and threads: a thread takes one that fits (or a new
 * one), uses it alone, and gives it back. At most {@link #CAPACITY} idle workspaces are kept; the
 * oldest are dropped beyond that (training calls with a few block sizes only).
 */
final class WorkspacePool {

    static final int CAPACITY = 8;

    private final ConcurrentLinkedQueue<DftWorkspace> idle = new ConcurrentLinkedQueue<>();

    DftWorkspace acquire(int images, int size) {
        for (Iterator<DftWorkspace> it = idle.iterator(); it.hasNext(); ) {
            DftWorkspace ws = it.next();
            if (ws.fits(images, size) && idle.remove(ws)) {
                return ws;
            }
        }
        return new DftWorkspace(images, size);
    }

    void release(DftWorkspace ws) {
        idle.add(ws);
        while (idle.size() > CAPACITY) {
            idle.poll();
        }
    }
}
