package dev.nca.runtime.plugin;

/** Java sources of small extensions and plugin classes compiled into test plugin jars. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** An identity activation named {@code name} in class {@code pkg.simpleName}. */
    static String activation(String pkg, String simpleName, String name) {
        return """
                package %s;

                import dev.nca.api.Activation;
                import org.nd4j.linalg.api.ndarray.INDArray;
                import org.pf4j.Extension;

                @Extension
                public class %s implements Activation {
                    @Override public String name() { return "%s"; }
                    @Override public String description() { return "test activation %s from %s"; }
                    @Override public void apply(INDArray a, INDArray out) { out.assign(a); }
                    @Override public void derivative(INDArray a, INDArray out) { out.assign(1.0); }
                }
                """.formatted(pkg, simpleName, name, name, pkg);
    }

    /** A PF4J plugin class whose start() or stop() throws with the given message. */
    static String throwingPlugin(String pkg, String simpleName, String method, String message) {
        return """
                package %s;

                import org.pf4j.Plugin;

                public class %s extends Plugin {
                    @Override public void %s() { throw new IllegalStateException("%s"); }
                }
                """.formatted(pkg, simpleName, method, message);
    }

    /**
     * An activation named {@code name} that scales by {@code TimeWeighting.FINAL.weights(1)[0]}
     * (= 1), so that it needs nca-plugin-support, which the host provides.
     */
    static String activationUsingSupport(String pkg, String simpleName, String name) {
        return """
                package %s;

                import dev.nca.api.Activation;
                import dev.nca.support.frames.TimeWeighting;
                import org.nd4j.linalg.api.ndarray.INDArray;
                import org.pf4j.Extension;

                @Extension
                public class %s implements Activation {
                    public static Class<?> supportClass() { return TimeWeighting.class; }
                    @Override public String name() { return "%s"; }
                    @Override public String description() { return "test activation using nca-plugin-support"; }
                    @Override public void apply(INDArray a, INDArray out) {
                        out.assign(a.mul(TimeWeighting.FINAL.weights(1)[0]));
                    }
                    @Override public void derivative(INDArray a, INDArray out) { out.assign(1.0); }
                }
                """.formatted(pkg, simpleName, name);
    }
}
