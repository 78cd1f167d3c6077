package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarkus's OpenAPI document service, building each document on its first request instead of at every start.
 * Quarkus 3.33 prepares the documents in a runtime-init step: it parses the build-time document (94 KB of JSON,
 * through the YAML parser), runs the runtime filters and writes JSON and YAML, about a third of the main thread's
 * work until ready. No setting turns that off, and the method it calls is package-private: hence this subclass in
 * Quarkus's package (the packaged app and the tests load both with one class loader). The document is the one
 * Quarkus would have built at the start (same code, same configuration), built once and kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable // looked up by Quarkus's recorder and handler, never injected
public class LazyOpenApiDocumentService extends OpenApiDocumentService {

    private final Map<String, Runnable> pending = new HashMap<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage, String documentName) {
        // The class loader the start would have used: the first request may run on a thread with another one.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        pending.put(documentName, () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                super.prepareDocument(autoSecurityFilter, filtersByStage, documentName);
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        synchronized (this) {
            Runnable prepare = pending.get(documentName);
            if (prepare != null) {
                prepare.run();
                pending.remove(documentName); // only once built: a failed build is tried again
            }
        }
        return super.getDocument(documentName, format);
    }
}
