package dev.nca.testkit;

import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.LossFunction;
import dev.nca.api.TrainingSchedule;
import dev.nca.testkit.toy.ToyExtensions;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Correct toy extensions pass every contract. */
class ToyContractsTest {

    @Nested
    class Activations extends ActivationContract {
        @Override
        protected Activation activation() {
            return new ToyExtensions.HalfSquare();
        }
    }

    @Nested
    class Losses extends LossFunctionContract {
        @Override
        protected LossFunction lossFunction() {
            return new ToyExtensions.SquaredError();
        }

        @Override
        protected Map<String, Object> validParams() {
            return Map.of("scale", 0.5);
        }
    }

    @Nested
    class KernelSets extends KernelSetContract {
        @Override
        protected KernelSet kernelSet() {
            return new ToyExtensions.Single();
        }
    }

    @Nested
    class Datasets extends DatasetContract {
        @Override
        protected Dataset dataset() {
            return new ToyExtensions.Noise();
        }

        @Override
        protected Map<String, Object> validParams() {
            return Map.of("size", 4L);
        }
    }

    @Nested
    class Schedules extends TrainingScheduleContract {
        @Override
        protected TrainingSchedule schedule() {
            return new ToyExtensions.InOrder();
        }
    }
}
