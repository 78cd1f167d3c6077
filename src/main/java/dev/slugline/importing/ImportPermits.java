package dev.slugline.importing;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.TooManyRequestsException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the imports one instance runs at once ({@code slugline.importing.max-concurrent}): an import may hold its
 * archive unpacked in memory (up to {@code max-expanded-size}), so a few at once must not exhaust the heap. An import
 * beyond the bound waits up to {@code permit-wait} (first come, first served), then is refused with a 429 and
 * {@code Retry-After}, before anything is unpacked or written. The permit is released however the import ends
 * (report, refusal, exception, or a client that went away while it ran).
 */
@ApplicationScoped
public class ImportPermits {

    private final SluglineConfig.Importing config;
    private final Semaphore permits;

    public ImportPermits(SluglineConfig config) {
        this.config = config.importing();
        this.permits = new Semaphore(Math.max(1, this.config.maxConcurrent()), true);
    }

    /** Runs {@code work} holding one permit; 429 if none is free within {@code permit-wait}. */
    public <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(config.permitWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            Log.debugf("Import refused: %d running (slugline.importing.max-concurrent)", config.maxConcurrent());
            throw new TooManyRequestsException("This instance is running " + config.maxConcurrent()
                    + " import(s), its limit (slugline.importing.max-concurrent); nothing was written. Try again later",
                    config.retryAfter());
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Permits free now (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }
}
