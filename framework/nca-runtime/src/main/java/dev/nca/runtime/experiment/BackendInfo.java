package dev.nca.runtime.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** What the compute backend and machine are, for provenance and logs. */
public final class BackendInfo {

    private BackendInfo() {
    }

    /** Backend class, BLAS vendor, cores, ND4J version, Java and OS. Loads the ND4J backend. */
    public static Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String key : new String[] {"blas.vendor", "cores", "omp.threads"}) {
            Object v = env.get(key);
            if (v != null) {
                out.put(key, String.valueOf(v));
            }
        }
        out.put("nd4j.version", Nd4j.class.getPackage().getImplementationVersion());
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.put("processors", Runtime.getRuntime().availableProcessors());
        return out;
    }
}
