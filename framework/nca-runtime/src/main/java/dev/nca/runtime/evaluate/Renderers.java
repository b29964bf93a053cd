package dev.nca.runtime.evaluate;

import dev.nca.api.Trajectories;
import dev.nca.render.FrameRenderer;
import java.util.ArrayList;
import java.util.List;

/** The frame pictures of this package: the data's value range, about 128 pixels per lattice side. */
final class Renderers {

    private static final int TARGET_PIXELS = 128;

    private Renderers() {
    }

    /**
     * A renderer for states of a model trained on {@code data}.
     *
     * @param showHidden whether hidden channels are drawn as RGB triplets right of the observable ones
     */
    static FrameRenderer forData(Trajectories data, boolean showHidden) {
        return FrameRenderer.builder().observableChannels(data.channels()).range(data.valueMin(), data.valueMax())
                .scale(Math.max(1, TARGET_PIXELS / data.size())).showHidden(showHidden).build();
    }

    /** Up to {@code max} indices into {@code 0..count-1}, evenly spaced, first and last included, no repeats. */
    static List<Integer> evenlySpaced(int count, int max) {
        List<Integer> out = new ArrayList<>();
        int n = Math.min(max, count);
        for (int i = 0; i < n; i++) {
            int index = (int) Math.round(i * (count - 1) / (double) Math.max(1, n - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != index) {
                out.add(index);
            }
        }
        return out;
    }
}
