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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The counter that database triggers move with every change readers could see (migration V51). Shared by all
 * instances through PostgreSQL, it is what list ETags, Last-Modified and the response caches are checked against.
 *
 * <p>Visibility also changes with no write at all, when a scheduled post's publication moment or a post's expiry
 * passes. So a snapshot also counts the moments passed since the counter last moved: its {@code version} changes at
 * each write and at each such moment, and {@code changedAt} is the later of the last write and the last moment.
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

    private static final String QUERY = """
            select v.version, v.changed_at, moments.passed, moments.latest
              from content_version v cross join lateral (
                   select count(*) passed, max(moment) latest from (
                          select p.published_at moment from post p
                           where p.status = 'PUBLISHED' and p.published_at > v.changed_at and p.published_at <= now()
                          union all
                          select p.expires_at from post p
                           where p.status = 'PUBLISHED' and p.expires_at > v.changed_at and p.expires_at <= now()) m
                   ) moments
             where v.id = 1""";
    /** Moments passed since the last write take the low bits of a snapshot's version. */
    private static final int MOMENT_BITS = 20;
    private static final long WAIT_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Queue<CompletableFuture<Snapshot>> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore arrivals = new Semaphore(0);
    private volatile boolean reading;
    private volatile boolean running;
    /** Connections from the pool found closed one after another; a stale pool has at most its size of them. */
    private static final int MAX_STALE_IN_A_ROW = 25;
    private int staleInARow;
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
            return CompletableFuture.failedFuture(notConnected());
        }
        CompletableFuture<Snapshot> read = new CompletableFuture<>();
        waiting.add(read);
        if (!reading) {
            // the reader failed while this was being queued, and may have drained the queue before it
            read.completeExceptionally(notConnected());
        }
        arrivals.release();
        return read;
    }

    /** The current version, read after this call; blocks, so for worker threads only. */
    public Snapshot current() {
        if (reading) {
            try {
                return fresh().get(2 * WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // the shared reader hangs (its network timeout will end it): ask with a connection of our own
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException failed) {
                    throw new PersistenceException("Reading the content version failed", failed);
                }
                // the shared reader is slow or went away meanwhile: ask with a connection of our own
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        requireReachable();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            return read(query);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the content version failed", e);
        }
    }

    /**
     * Fails at once while PostgreSQL refused the shared reader moments ago (it retries when this fails), so
     * that a request answers the outage now rather than after the pool's acquisition timeout.
     */
    public void requireReachable() {
        SQLException outage = unreachable;
        if (outage != null) {
            arrivals.release(); // the reader tries again now: PostgreSQL may be back
            throw new PersistenceException("PostgreSQL is unreachable", outage);
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
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException | RuntimeException e) {
                // Only a connection that cannot be made is an outage: then requests are refused at once.
                if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    unreachable = sql;
                }
                backoffMillis = retryAfterFailure(e, backoffMillis);
                continue;
            }
            if (!isUsable(connection)) {
                // the pool handed out a connection PostgreSQL closed while it was down: take another, the waiters
                // stay; a pool has only so many of them, after which this counts as the failure it is
                if (++staleInARow > MAX_STALE_IN_A_ROW) {
                    staleInARow = 0;
                    backoffMillis = retryAfterFailure(new SQLException("Connections from the pool are closed", "08003"),
                            backoffMillis);
                }
                continue;
            }
            staleInARow = 0;
            if (backoffMillis > 100) {
                Log.info("The content version reader is connected again");
            }
            unreachable = null;
            backoffMillis = 100;
            try (connection; PreparedStatement query = connection.prepareStatement(QUERY)) {
                // A read that hangs fails its whole batch after this, so waiters need no timeout of their own.
                // Reset before the connection goes back to the pool, where longer statements run.
                connection.setNetworkTimeout(Runnable::run, (int) WAIT_MILLIS);
                try {
                    reading = true;
                    readWhileRunning(query);
                } finally {
                    reading = false;
                    connection.setNetworkTimeout(Runnable::run, 0);
                }
            } catch (SQLException | RuntimeException e) {
                // A read that failed on an open connection (a slow read past its timeout, a connection closed
                // under it) fails its batch, not the requests to come: PostgreSQL is unreachable only when a new
                // connection cannot be made, which the next turn finds out.
                backoffMillis = retryAfterFailure(e, backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                reading = false;
            }
        }
        failWaiting(new IllegalStateException("Shutting down"));
    }

    /**
     * Whether a connection from the pool answers. One that PostgreSQL closed during an outage does not: it is
     * aborted (the pool drops it) rather than failing the requests waiting for this reader.
     */
    private static boolean isUsable(Connection connection) {
        try {
            if (connection.isValid(1)) {
                return true;
            }
        } catch (SQLException e) {
            // as invalid
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // it is gone either way
        }
        return false;
    }

    private long retryAfterFailure(Exception e, long backoffMillis) {
        reading = false;
        failWaiting(e);
        if (running) {
            if (backoffMillis == 100) {
                Log.warnf("The content version reader lost its connection (%s); retrying", e.getMessage());
            }
            waitBeforeRetry(unreachable == null ? 20 : backoffMillis);
            return unreachable == null ? backoffMillis : Math.min(backoffMillis * 2, 1_000);
        }
        return backoffMillis;
    }

    /**
     * Whether the shared reader is connected, or at least not refused: what readiness reports, so that it never
     * says UP while requests are still refused as during an outage. Asking makes a refused reader try again now.
     */
    public boolean isReachable() {
        if (unreachable != null) {
            arrivals.release();
            return false;
        }
        return true;
    }

    private void readWhileRunning(PreparedStatement query) throws SQLException, InterruptedException {
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
                Snapshot snapshot;
                try {
                    snapshot = read(query);
                } catch (SQLException | RuntimeException e) {
                    batch.forEach(read -> read.completeExceptionally(e));
                    throw e;
                }
                batch.forEach(read -> read.complete(snapshot));
            }
        }
    }

    private static IllegalStateException notConnected() {
        return new IllegalStateException("The content version reader is not connected");
    }

    private void failWaiting(Exception cause) {
        for (CompletableFuture<Snapshot> next; (next = waiting.poll()) != null; ) {
            next.completeExceptionally(cause);
        }
    }

    private static Snapshot read(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            long passed = Math.min(row.getLong(3), (1L << MOMENT_BITS) - 1);
            Instant changedAt = row.getTimestamp(2).toInstant();
            Timestamp latest = row.getTimestamp(4);
            if (latest != null && latest.toInstant().isAfter(changedAt)) {
                changedAt = latest.toInstant();
            }
            return new Snapshot(row.getLong(1) << MOMENT_BITS | passed, changedAt);
        }
    }

    /**
     * Waits up to {@code millis} before connecting again, less when a request meets the outage meanwhile, so that
     * requests stop getting 503s within moments of PostgreSQL's return (at most 50 attempts a second).
     */
    private void waitBeforeRetry(long millis) {
        try {
            Thread.sleep(20);
            arrivals.drainPermits();
            arrivals.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
