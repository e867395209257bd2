package dev.migrationgate.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Java sources compiled at run time, against this JVM's class path, into a directory, and loaded from there
 * by a class loader of their own.
 */
final class GeneratedModel {

    private GeneratedModel() {
    }

    /**
     * Compiles {@code sources} (by fully qualified class name) into {@code classes}.
     *
     * @return a class loader for the compiled classes, child of this class's loader
     * @throws IllegalStateException with the compiler's messages when compilation fails
     */
    static URLClassLoader compile(Map<String, String> sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in this runtime (" + System.getProperty("java.home")
                    + "): run the benchmark on a JDK");
        }
        List<JavaFileObject> units = sources.entrySet().stream()
                .<JavaFileObject>map(e -> new Source(e.getKey(), e.getValue()))
                .toList();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "-implicit:none", "-nowarn");
            if (!compiler.getTask(messages, files, null, options, null, units).call()) {
                throw new IllegalStateException("Compiling the generated model failed:\n" + messages);
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedModel.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Loading the generated model from " + classes, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Compiling the generated model into " + classes, e);
        }
    }

    /** Loads each of {@code names} with {@code loader}. */
    static List<Class<?>> load(ClassLoader loader, List<String> names) {
        return names.stream().<Class<?>>map(name -> {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Loading generated class " + name, e);
            }
        }).toList();
    }

    /** One source file held in memory. */
    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
