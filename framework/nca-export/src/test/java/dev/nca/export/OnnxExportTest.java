package dev.nca.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.core.model.AliveRule;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The exported ONNX step run by ONNX Runtime against the engine, from random states with random
 * non-zero weights. Tolerance 2e-5: both sides compute in float32 (relative rounding 6e-8 per
 * operation) sums of at most C*K = 32 perception products and H = 16 hidden products of
 * magnitude below ~2, in different orders, so one step differs by at most ~100 * 6e-8 * 2 ~ 1e-5.
 */
class OnnxExportTest {

    private static final double TOLERANCE = 2e-5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"PERIODIC,tanh", "ZERO,relu", "REFLECT,gelu", "PERIODIC,silu", "ZERO,linear"})
    void oneStepAgreesWithTheEngine(Boundary boundary, String activation) throws OrtException {
        TestNca nca = TestNca.create(dir, 8, 3, activation, boundary, 1.0, null, 11, 1.0);
        INDArray state = TestNca.randomState(2, 8, 7, -1, 1, 5);
        INDArray expected = nca.engine.run(state, 1, new SplittableRandom(1));
        INDArray actual = runOnnx(nca.export, state, null);
        assertThat(TestNca.maxDifference(actual, expected)).isLessThan(TOLERANCE);
        assertThat(TestNca.maxDifference(actual, state)).as("the step changes the state").isGreaterThan(0.01);
    }

    @ParameterizedTest
    @CsvSource({"PERIODIC", "ZERO", "REFLECT"})
    void aliveMaskingAgreesWithTheEngine(Boundary boundary) throws OrtException {
        TestNca nca = TestNca.create(dir, 8, 4, "relu", boundary, 1.0, new AliveRule(3, 0.1), 12, 1.0);
        INDArray state = TestNca.randomState(1, 8, 9, 0, 1, 6);
        TestNca.thinOut(state, 3, 7);
        INDArray expected = nca.engine.run(state, 1, new SplittableRandom(1));
        INDArray actual = runOnnx(nca.export, state, null);
        assertThat(TestNca.maxDifference(actual, expected)).isLessThan(TOLERANCE);
        long dead = (long) expected.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).eq(0.0).castTo(DataType.INT32).sumNumber().longValue();
        assertThat(dead).as("some cells died, so the alive mask was exercised").isGreaterThan(0);
    }

    /** With a mask m fed in, next = state + m * (full step - state): exact for a model without alive masking. */
    @Test
    void aFedUpdateMaskSelectsTheUpdatedCells() throws OrtException {
        TestNca nca = TestNca.create(dir, 6, 2, "tanh", Boundary.PERIODIC, 0.5, null, 13, 1.0);
        INDArray state = TestNca.randomState(1, 6, 6, -1, 1, 8);
        INDArray full = runOnnx(nca.export, state, null);
        INDArray mask = Nd4j.create(DataType.FLOAT, 1, 1, 6, 6);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 36; i++) {
            mask.putScalar(new long[] {0, 0, i / 6, i % 6}, random.nextBoolean() ? 1 : 0);
        }
        INDArray masked = runOnnx(nca.export, state, mask);
        INDArray expected = state.add(full.sub(state).mul(mask.broadcast(1, 6, 6, 6)));
        assertThat(TestNca.maxDifference(masked, expected)).isLessThan(1e-6);
        INDArray none = runOnnx(nca.export, state, Nd4j.zeros(DataType.FLOAT, 1, 1, 6, 6));
        assertThat(TestNca.maxDifference(none, state)).isZero();
    }

    @Test
    void anActivationTheGraphCannotExpressIsAClearError() {
        TestNca nca = TestNca.create(dir, 4, 2, "relu", Boundary.ZERO, 1.0, null, 14, 1.0);
        ExportableModel m = nca.export;
        assertThatThrownBy(() -> new ExportableModel(m.channels(), m.observable(), m.hidden(), m.kernels(), "softplus",
                m.boundary(), 1.0, m.maskMode(), -1, 0, m.w2(), m.b2(), m.w1(), m.v()))
                .isInstanceOf(NcaException.class).hasMessageContaining("cannot export activation 'softplus'")
                .hasMessageContaining("gelu");
    }

    static INDArray runOnnx(ExportableModel model, INDArray state, INDArray mask) throws OrtException {
        byte[] onnx = OnnxExport.toBytes(model, mask != null, "test");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(onnx, options)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("state", tensor(env, state));
                if (mask != null) {
                    inputs.put("update_mask", tensor(env, mask));
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][][][] out = (float[][][][]) result.get("next_state").orElseThrow().getValue();
                    return Nd4j.create(out);
                } finally {
                    inputs.values().forEach(OnnxTensor::close);
                }
            }
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, INDArray a) throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(a.castTo(DataType.FLOAT).dup('c').data().asFloat()),
                a.shape());
    }
}
