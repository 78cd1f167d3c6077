package dev.slugline.operations;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ApplicationLifecycleManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Widens the AppCDS archive to the classes of a whole start. Quarkus records {@code app-cds.jsa} with a run
 * ({@code -Dquarkus.appcds.generate=true}, at package time and in the image build) that stops as soon as the beans
 * are ready, before Flyway, Hibernate ORM's session factory, the PostgreSQL driver, OpenAPI and the HTTP server
 * start: about half of the classes a start loads were missing from the archive. That run needs no database, so it
 * cannot simply go further; instead it loads and links the classes that {@link #LIST} names (written from a real
 * start by {@code bench/startup-classes.sh}), and the JVM archives them at its exit. JDK 17 archives only linked
 * classes, hence the reflection call, which links without initialising. A normal start does nothing here.
 */
@ApplicationScoped
public class AppCdsPreload {

    static final String LIST = "META-INF/slugline/startup-classes.txt";

    /** How many listed classes were loaded and linked, and how many could not be (gone since the list was made). */
    record Result(int linked, int missing) {
    }

    static void onContainerReady(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream list = loader.getResourceAsStream(LIST);
        if (list == null) {
            Log.warnf("No %s: the AppCDS archive holds only what Quarkus records", LIST);
            return;
        }
        try (Reader reader = new InputStreamReader(list, StandardCharsets.UTF_8)) {
            Result result = preload(reader, loader);
            Log.infof("AppCDS: %d classes of a whole start loaded and linked for the archive, %d listed but not found",
                    result.linked(), result.missing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and links each class named on a line, without running its static initialiser. */
    static Result preload(Reader names, ClassLoader loader) throws IOException {
        int linked = 0;
        int missing = 0;
        BufferedReader lines = new BufferedReader(names);
        for (String name = lines.readLine(); name != null; name = lines.readLine()) {
            if (name.isBlank()) {
                continue;
            }
            try {
                Class.forName(name.strip(), false, loader).getDeclaredConstructors();
                linked++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a dependency upgrade can remove a class, or one of its optional dependencies: it stays out
                missing++;
            }
        }
        return new Result(linked, missing);
    }
}
