package dev.nca.core.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The float32 inner loops of the Java stencil, on contiguous runs of {@code n} elements. Two
 * implementations: {@link ScalarFloatRowOps} (plain loops) and {@code VectorFloatRowOps} (explicit
 * SIMD through the JDK's incubating Vector API, several times faster: the JDK 17 JIT does not
 * vectorise these loops itself because it cannot rule out that source and destination overlap).
 *
 * <p>The vector implementation is used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (as {@code bin/nca} and the build's tests do) unless
 * the system property {@code nca.engine.vector} is {@code false}; otherwise the scalar one is.
 * The vector loops fuse every multiply-add (one rounding instead of two) and add the stencil's
 * terms in another order, so float32 results differ between the two in the last bits; within one
 * implementation they do not depend on the vector width.
 */
public interface FloatRowOps {

    /** {@code dst[d+j] += g * src[s+j]} for j in [0, n). */
    void axpy(float[] dst, int d, float[] src, int s, float g, int n);

    /**
     * {@code dst[d+j] += sum_{a,b} w[3a+b] * src[s + a*stride + j + b]} for j in [0, n): one row of
     * a 3x3 stencil on padded data.
     */
    void stencilRow(float[] dst, int d, float[] src, int s, int stride, float[] w, int n);

    /** {@code dst[d+j] += src[s+j]} for j in [0, n). */
    void add(float[] dst, int d, float[] src, int s, int n);

    /** A short description for logs and benchmark reports, e.g. {@code "vector (16 x float32)"}. */
    String describe();

    /** The vector implementation when it is available and allowed, else the scalar one. */
    static FloatRowOps select() {
        Logger log = LoggerFactory.getLogger(FloatRowOps.class);
        if ("false".equalsIgnoreCase(System.getProperty("nca.engine.vector"))) {
            log.debug("stencil loops: scalar (nca.engine.vector=false)");
            return new ScalarFloatRowOps();
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            log.debug("stencil loops: scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD loops)");
            return new ScalarFloatRowOps();
        }
        try {
            FloatRowOps ops = (FloatRowOps) Class.forName("dev.nca.core.engine.VectorFloatRowOps")
                    .getDeclaredConstructor().newInstance();
            log.debug("stencil loops: {}", ops.describe());
            return ops;
        } catch (ReflectiveOperationException | LinkageError e) {
            log.warn("stencil loops: scalar, the Vector API could not be used: {}", e.toString());
            return new ScalarFloatRowOps();
        }
    }
}
