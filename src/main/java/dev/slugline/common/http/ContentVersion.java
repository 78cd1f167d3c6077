package dev.slugline.common.http;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The counter that database triggers move with every change readers could see (migration V51). Shared by all
 * instances through PostgreSQL, it is what list ETags, Last-Modified and the response caches are checked against.
 *
 * <p>Every check reads the database, so a reader is never answered from a version older than a write acknowledged
 * by any instance before the request arrived. The reads are coalesced: one connection of this instance reads the
 * version for every request that arrived while the previous read was running, so under load a check costs one
 * shared round trip, not a pooled connection per request.
 */
@ApplicationScoped
public class ContentVersion {

    public record Snapshot(long version, Instant changedAt) {
    }

    private static final String QUERY = "select version, changed_at from content_version where id = 1";
    private static final long WAIT_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Queue<CompletableFuture<Snapshot>> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore arrivals = new Semaphore(0);
    private volatile boolean reading;
    private volatile boolean running;
    /** Why the shared reader cannot connect, while PostgreSQL is unreachable; null otherwise. */
    private volatile SQLException unreachable;

    public ContentVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A version read that starts after this call, without blocking the caller; failed at once while the shared
     * reader is not connected (callers then ask through {@link #current()}, which reports the outage).
     */
    public CompletableFuture<Snapshot> fresh() {
        if (!reading) {
            return CompletableFuture.failedFuture(new IllegalStateException("The content version reader is not connected"));
        }
        CompletableFuture<Snapshot> read = new CompletableFuture<>();
        waiting.add(read);
        arrivals.release();
        return read.orTimeout(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The current version, read after this call; blocks, so for worker threads only. */
    public Snapshot current() {
        if (reading) {
            try {
                return fresh().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException failed) {
                    throw new PersistenceException("Reading the content version failed", failed);
                }
                // the shared reader is slow or went away meanwhile: ask with a connection of our own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SQLException outage = unreachable;
        if (outage != null) {
            // PostgreSQL refused the reader moments ago: answer the outage now, not after the pool's timeout
            throw new PersistenceException("Reading the content version failed", outage);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            return read(query);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the content version failed", e);
        }
    }

    void startReading(@Observes StartupEvent event) {
        running = true;
        Thread reader = new Thread(this::readForWaiters, "content-version-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void stopReading(@Observes ShutdownEvent event) {
        running = false;
        reading = false;
        arrivals.release();
    }

    private void readForWaiters() {
        long backoffMillis = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(QUERY)) {
                if (backoffMillis > 100) {
                    Log.info("The content version reader is connected again");
                }
                unreachable = null;
                reading = true;
                backoffMillis = 100;
                while (running) {
                    if (!arrivals.tryAcquire(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    arrivals.drainPermits();
                    List<CompletableFuture<Snapshot>> batch = new ArrayList<>();
                    for (CompletableFuture<Snapshot> next; (next = waiting.poll()) != null; ) {
                        batch.add(next);
                    }
                    if (!batch.isEmpty()) {
                        // every request in the batch arrived before this read started
                        Snapshot snapshot = read(query);
                        batch.forEach(read -> read.complete(snapshot));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                reading = false;
                if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    unreachable = sql;
                }
                failWaiting(e);
                if (running) {
                    if (backoffMillis == 100) {
                        Log.warnf("The content version reader lost its connection (%s); retrying", e.getMessage());
                    }
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                reading = false;
            }
        }
        failWaiting(new IllegalStateException("Shutting down"));
    }

    private void failWaiting(Exception cause) {
        for (CompletableFuture<Snapshot> next; (next = waiting.poll()) != null; ) {
            next.completeExceptionally(cause);
        }
    }

    private static Snapshot read(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return new Snapshot(row.getLong(1), row.getTimestamp(2).toInstant());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
