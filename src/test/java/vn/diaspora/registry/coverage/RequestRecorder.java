package vn.diaspora.registry.coverage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the tests call (issue 23): every request a test makes is kept as "METHOD /template status"
 * in target/coverage/requests.txt, and every route the service has (API and portal, read from
 * the JAX-RS resources) in target/coverage/routes.txt. .ci/coverage then fails for a route no test
 * called with its documented success status. Test code only: the packaged service records nothing.
 */
public class RequestRecorder {
    static final java.nio.file.Path DIR = java.nio.file.Path.of("target/coverage");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return;
        }
        Method method = java.util.Arrays.stream(resource.getResourceClass().getMethods())
                .filter(m -> m.getName().equals(resource.getMethodName()) && m.getParameterCount() == resource.parameterTypes().length)
                .filter(m -> request.getMethod().equals(verb(m)))  // a record kind's generic methods: matched by name, arity and verb
                .findFirst().orElse(null);
        if (method != null) {
            String line = request.getMethod() + " " + template(resource.getResourceClass(), method) + " " + response.getStatus();
            if (SEEN.add(line)) {
                append("requests.txt", line);
            }
        }
    }

    /** Every route of the service's resources, once per start. */
    void routes(@Observes StartupEvent start) throws IOException {
        List<String> routes = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (type.getAnnotation(Path.class) == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {  // with those a resource inherits from its base (the record kinds')
                    String verb = verb(m);
                    if (verb != null) {
                        routes.add(verb + " " + template(type, m));
                    }
                }
            }
        }
        Files.createDirectories(DIR);
        Files.write(DIR.resolve("routes.txt"), routes.stream().sorted().distinct().toList(), StandardCharsets.UTF_8);
    }

    private static String verb(Method m) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class)) {
            if (m.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    /** The route's path as the OpenAPI document writes it: class and method paths joined, {name: regex} as {name}. */
    static String template(Class<?> type, Method method) {
        Path base = type.getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String path = "/" + (base == null ? "" : base.value()) + "/" + (own == null ? "" : own.value());
        path = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static synchronized void append(String file, String line) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
