package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.DataRequest;
import dev.nca.api.ExtensionContext;
import dev.nca.api.KernelSet;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.toy.ToyExtensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Each contract fails for an extension with the fault it is meant to catch. */
class ContractsDetectFaultsTest {

    private static ActivationContract activationContract(Activation u) {
        return new ActivationContract() {
            @Override
            protected Activation activation() {
                return u;
            }
        };
    }

    private static LossFunctionContract lossContract(LossFunction f) {
        return new LossFunctionContract() {
            @Override
            protected LossFunction lossFunction() {
                return f;
            }
        };
    }

    @Test
    void wrongDerivativeIsCaught() {
        Activation wrong = new ToyExtensions.HalfSquare() {
            @Override
            public void derivative(INDArray a, INDArray out) {
                out.assign(a).muli(1.01);
            }
        };
        assertThatThrownBy(() -> activationContract(wrong).derivativeMatchesFiniteDifferences())
                .isInstanceOf(AssertionError.class).hasMessageContaining("derivative of 'half-square'");
    }

    @Test
    void mutatedInputIsCaught() {
        Activation mutating = new ToyExtensions.HalfSquare() {
            @Override
            public void apply(INDArray a, INDArray out) {
                a.muli(a).muli(0.5);
                out.assign(a);
            }
        };
        assertThatThrownBy(() -> activationContract(mutating).inputsAreNotModifiedAndOutputIsFullyWritten())
                .isInstanceOf(AssertionError.class).hasMessageContaining("input after apply");
    }

    @Test
    void badNameAndBadDefaultAreCaught() {
        Activation badName = new ToyExtensions.HalfSquare() {
            @Override
            public String name() {
                return "Half_Square";
            }
        };
        assertThatThrownBy(() -> activationContract(badName).nameIsLowerCaseDashed())
                .isInstanceOf(AssertionError.class);
        Activation badDefault = new ToyExtensions.HalfSquare() {
            @Override
            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.integer("width", 20L, 1, 10, "a width"));
            }
        };
        assertThatThrownBy(() -> activationContract(badDefault).everyDefaultPassesItsOwnValidation())
                .isInstanceOf(AssertionError.class).hasMessageContaining("width");
    }

    @Test
    void wrongLossGradientIsCaught() {
        LossFunction halfGradient = new ToyExtensions.SquaredError() {
            @Override
            public Loss create(Params params, ExtensionContext context) {
                Loss inner = super.create(params, context);
                return (p, t, g) -> {
                    INDArray v = inner.evaluate(p, t, g);
                    if (g != null) {
                        g.muli(0.5);
                    }
                    return v;
                };
            }
        };
        assertThatThrownBy(() -> lossContract(halfGradient).gradientMatchesFiniteDifferences())
                .isInstanceOf(AssertionError.class).hasMessageContaining("gradient of 'squared-error'");
    }

    @Test
    void accumulatingGradientIsCaught() {
        LossFunction accumulating = new ToyExtensions.SquaredError() {
            @Override
            public Loss create(Params params, ExtensionContext context) {
                return (p, t, g) -> {
                    INDArray d = p.sub(t);
                    if (g != null) {
                        g.addi(d.mul(2));
                    }
                    return d.mul(d).reshape(d.size(0), -1).sum(1);
                };
            }
        };
        assertThatThrownBy(() -> lossContract(accumulating).inputsUnchangedAndGradientOverwritten())
                .isInstanceOf(AssertionError.class).hasMessageContaining("overwritten");
    }

    @Test
    void asymmetricLossIsCaughtWhenDeclaredSymmetric() {
        LossFunction asymmetric = new ToyExtensions.SquaredError() {
            @Override
            public Loss create(Params params, ExtensionContext context) {
                return (p, t, g) -> {
                    INDArray d = p.sub(t);
                    if (g != null) {
                        g.assign(d.mul(2)).addi(1.0);
                    }
                    return d.mul(d).addi(p).reshape(d.size(0), -1).sum(1);
                };
            }
        };
        assertThatThrownBy(() -> lossContract(asymmetric).symmetricWhereDeclared()).isInstanceOf(AssertionError.class);
    }

    @Test
    void wrongSymmetryFlagIsCaught() {
        KernelSet lying = new ToyExtensions.Single(new double[][] {{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}}, true);
        KernelSetContract contract = new KernelSetContract() {
            @Override
            protected KernelSet kernelSet() {
                return lying;
            }
        };
        assertThatThrownBy(contract::rotationSymmetricFlagMatchesStencils).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rotationSymmetric");
    }

    @Test
    void ignoredFramesOverrideIsCaught() {
        Dataset ignoring = new ToyExtensions.Noise() {
            @Override
            public Trajectories generate(Params params, DataRequest request) {
                return super.generate(params, new DataRequest(request.split(), request.random(), request.dtype(),
                        OptionalInt.empty()));
            }
        };
        DatasetContract contract = new DatasetContract() {
            @Override
            protected Dataset dataset() {
                return ignoring;
            }

            @Override
            protected Map<String, Object> validParams() {
                return Map.of("size", 4L);
            }
        };
        assertThatThrownBy(contract::framesOverrideIsRespected).isInstanceOf(AssertionError.class)
                .hasMessageContaining("frames override");
    }

    private static void resumeCheck(ToyExtensions.CarryFault fault, Path folder) {
        TrainingSchedule carry = new ToyExtensions.Carry(fault);
        new ScheduleResumeCheck(carry, Params.validate(carry.parameters(), Map.of(), "test"),
                TestTrajectories.random(2, 3, 1, 5, 3), 3, 2, 4, DataType.FLOAT).check(4, 1, folder);
    }

    @Test
    void resumeCheckPassesForACarriedStateSavedAndRestored(@TempDir Path folder) {
        resumeCheck(ToyExtensions.CarryFault.NONE, folder);
    }

    @Test
    void stateNotSavedIsCaughtByTheResumeCheck(@TempDir Path folder) {
        assertThatThrownBy(() -> resumeCheck(ToyExtensions.CarryFault.SAVES_NOTHING, folder))
                .isInstanceOf(AssertionError.class).hasMessageContaining("epoch 2 of the resumed run: loss");
    }

    @Test
    void stateNotRestoredIsCaughtByTheResumeCheck(@TempDir Path folder) {
        assertThatThrownBy(() -> resumeCheck(ToyExtensions.CarryFault.RESTORES_NOTHING, folder))
                .isInstanceOf(AssertionError.class).hasMessageContaining("epoch 2 of the resumed run: loss");
    }

    @Test
    void unusedStateIsCaughtByTheResumeCheck(@TempDir Path folder) {
        // the paper initialisation's output layer is zero, so epoch 0 leaves every state as it
        // started: interrupted after epoch 0, the toy's carried state is the data, a restart
        // reproduces it, and the check must say that it was not exercised
        TrainingSchedule carry = new ToyExtensions.Carry(ToyExtensions.CarryFault.NONE);
        ScheduleResumeCheck check = new ScheduleResumeCheck(carry, Params.validate(carry.parameters(), Map.of(),
                "test"), TestTrajectories.random(2, 3, 1, 5, 3), 3, 2, 4, DataType.FLOAT);
        assertThatThrownBy(() -> check.check(2, 0, folder)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("would pass without the state");
    }

    @Test
    void oversizedMiniBatchIsCaught() {
        TrainingScheduleContract contract = new TrainingScheduleContract() {
            @Override
            protected TrainingSchedule schedule() {
                return new ToyExtensions.InOrder(1);
            }
        };
        assertThatThrownBy(contract::miniBatchesHaveTheDeclaredShapes).isInstanceOf(AssertionError.class)
                .hasMessageContaining("mini-batch size");
    }
}
