package dev.nca.core.train;

import dev.nca.api.Boundary;
import dev.nca.core.bench.EpochBenchmark;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.support.SquaredLoss;
import dev.nca.core.support.TestExtensions;

/** Manual run: java -cp ... dev.nca.core.train.EpochBenchmarkManual (not a test). */
public final class EpochBenchmarkManual {
    public static void main(String[] args) {
        NcaConfig config = new NcaConfig(8, 2, 32, false, TestExtensions.idLap(), TestExtensions.relu(),
                Boundary.PERIODIC, 1.0, MaskMode.CELL);
        int block = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (args.length > 2) {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(Integer.parseInt(args[2]));
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(Integer.parseInt(args[2]));
        }
        var r = EpochBenchmark.run(config, 64, 64, 32, 64, new TrainingOptions(1e-3, 0.9, 0.999, 1e-7, true, block, threads),
                new SquaredLoss(), 2, 5);
        System.out.println(r.profile());
        System.out.printf("median %.3f s/epoch, %.1f GFLOP/epoch, %.1f GFLOP/s, peak RSS %d MB%n", r.medianSeconds(),
                r.flopsPerEpoch() / 1e9, r.gflops(), r.peakRssBytes() >> 20);
    }
}
