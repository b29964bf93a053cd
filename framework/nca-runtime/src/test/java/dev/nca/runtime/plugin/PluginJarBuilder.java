package dev.nca.runtime.plugin;

import dev.nca.api.NamedExtension;
import dev.nca.support.frames.TimeWeighting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.ExtensionPoint;
import org.slf4j.Logger;

/**
 * Builds real plugin jars during a test: compiles Java sources with the system compiler against
 * the API, ND4J, PF4J and SLF4J jars of the test class path, writes a PF4J manifest and (unless
 * told otherwise) a {@code META-INF/extensions.idx}, and packs everything into a jar.
 */
final class PluginJarBuilder {

    private final String pluginId;
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final List<String> omitted = new ArrayList<>();
    private final Map<String, UnaryOperator<byte[]>> patches = new LinkedHashMap<>();
    private String pluginClass;
    private String requires;
    private String dependencies;
    private boolean writeIndex = true;

    PluginJarBuilder(String pluginId, String version) {
        this.pluginId = pluginId;
        this.version = version;
    }

    /** Adds a source file for class {@code className} (fully qualified). */
    PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a source file and lists the class in {@code META-INF/extensions.idx}. */
    PluginJarBuilder extension(String className, String code) {
        extensions.add(className);
        return source(className, code);
    }

    /** Lists {@code className} in {@code META-INF/extensions.idx} without adding its class. */
    PluginJarBuilder indexOnly(String className) {
        extensions.add(className);
        return this;
    }

    /** Leaves the compiled class {@code className} out of the jar (its users still reference it). */
    PluginJarBuilder omitClass(String className) {
        omitted.add(classEntry(className));
        return this;
    }

    /**
     * Packs, in place of the compiled {@code className}, the class compiled from {@code code}
     * after the others (against them): how a jar ends up with binary-incompatible classes.
     */
    PluginJarBuilder replaceClass(String className, String code) {
        replacements.put(className, code);
        return this;
    }

    /** Rewrites the class file of {@code className} before packing, e.g. its version bytes. */
    PluginJarBuilder patchClass(String className, UnaryOperator<byte[]> patch) {
        patches.put(classEntry(className), patch);
        return this;
    }

    private static String classEntry(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** Sets the {@code Plugin-Class} manifest attribute. */
    PluginJarBuilder pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    /** Sets the {@code Plugin-Requires} manifest attribute. */
    PluginJarBuilder requires(String range) {
        this.requires = range;
        return this;
    }

    /** Sets the {@code Plugin-Dependencies} manifest attribute, e.g. {@code "alpha@>=1.0.0"}. */
    PluginJarBuilder dependencies(String list) {
        this.dependencies = list;
        return this;
    }

    /** Leaves out {@code META-INF/extensions.idx}, as when the annotation processor did not run. */
    PluginJarBuilder withoutIndex() {
        this.writeIndex = false;
        return this;
    }

    /** Adds a raw jar entry, e.g. a class file in a package the host must reject. */
    PluginJarBuilder entry(String name, byte[] content) {
        extraEntries.put(name, content.clone());
        return this;
    }

    /**
     * Compiles, packs and writes {@code <pluginId>-<version>.jar} into {@code directory}; the class
     * files are compiled into a scratch directory next to {@code directory}.
     *
     * @return the jar's path
     */
    Path build(Path directory) throws IOException {
        Path classes = Files.createTempDirectory(directory.toAbsolutePath().getParent(), "classes-" + pluginId);
        compile(sources, classes, classes);
        if (!replacements.isEmpty()) {
            Path replaced = Files.createTempDirectory(directory.toAbsolutePath().getParent(), "replaced-" + pluginId);
            compile(replacements, replaced, classes);
            for (String className : replacements.keySet()) {
                Files.copy(replaced.resolve(classEntry(className)), classes.resolve(classEntry(className)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path jar = directory.resolve(pluginId + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jos = new JarOutputStream(out, manifest())) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (omitted.contains(name)) {
                    continue;
                }
                jos.putNextEntry(new JarEntry(name));
                jos.write(patches.getOrDefault(name, b -> b).apply(Files.readAllBytes(file)));
                jos.closeEntry();
            }
            if (writeIndex) {
                jos.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                jos.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                jos.putNextEntry(new JarEntry(e.getKey()));
                jos.write(e.getValue());
                jos.closeEntry();
            }
        }
        return jar;
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Provider", "nca tests");
        if (pluginClass != null) {
            attributes.putValue("Plugin-Class", pluginClass);
        }
        if (dependencies != null) {
            attributes.putValue("Plugin-Dependencies", dependencies);
        }
        if (requires != null) {
            attributes.putValue("Plugin-Requires", requires);
        }
        return manifest;
    }

    private void compile(Map<String, String> sources, Path output, Path extraClasspath) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("tests need a JDK (no system Java compiler)");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        String classpath = String.join(java.io.File.pathSeparator,
                location(NamedExtension.class), location(ExtensionPoint.class), location(INDArray.class),
                location(TimeWeighting.class),
                location(Logger.class), extraClasspath.toString());
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classpath, "-d", output.toString(), "-proc:none",
                    "--release", "17");
            boolean ok = compiler.getTask(diagnostics, files, null, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("test plugin " + pluginId + " does not compile:\n" + diagnostics);
            }
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
