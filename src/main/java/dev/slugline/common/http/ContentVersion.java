package dev.slugline.common.http;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The counter that database triggers move with every change readers could see (migrations V51, V67). Shared by all
 * instances through PostgreSQL, it is what list ETags, Last-Modified and the response caches are checked against.
 *
 * <p>Each instance keeps the current version in memory: a listener connection follows the {@code content_version}
 * channel that the trigger notifies on commit. The in-memory version is trusted only while that listener is
 * connected and no write acknowledged by this instance is newer than what was last read; otherwise
 * {@link #current()} asks the database. A write does not answer before this instance's listener has heard of it
 * (see {@link #awaitHeard}), and PostgreSQL signals every listener at the same commit, so by the time a client holds
 * the acknowledgement, the other instances have been told too.
 */
@ApplicationScoped
public class ContentVersion {

    public record Snapshot(long version, Instant changedAt) {
        Snapshot newest(Snapshot other) {
            return other == null || version >= other.version ? this : other;
        }
    }

    static final String CHANNEL = "content_version";
    private static final String QUERY = "select version, changed_at from content_version where id = 1";
    private static final int HEARTBEAT_MILLIS = 10_000;

    private final DataSource dataSource;
    private final Object lock = new Object();
    private Snapshot latest;
    private boolean listening;
    private long localWrites;
    private long checkedAtLocalWrites = -1;
    private volatile Snapshot trusted;
    private volatile boolean running;
    private volatile Connection listenerConnection;

    public ContentVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current version: from memory when it can be trusted, else read from the database. */
    public Snapshot current() {
        Snapshot known = trusted;
        if (known != null) {
            return known;
        }
        long generation;
        synchronized (lock) {
            generation = localWrites;
        }
        try (Connection connection = dataSource.getConnection()) {
            return learn(read(connection), generation);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the content version failed", e);
        }
    }

    /** The version from memory, without touching the database; empty while it cannot be trusted. */
    public Optional<Snapshot> trusted() {
        return Optional.ofNullable(trusted);
    }

    /** A write is about to be acknowledged by this instance: stop trusting memory until the database was read. */
    public void localWriteAcknowledging() {
        synchronized (lock) {
            localWrites++;
            publish();
        }
    }

    /**
     * Waits (at most {@code timeout}) until this instance's listener has heard of every change committed so far, so
     * the acknowledgement of a write never overtakes the notification that tells the instances about it.
     */
    public void awaitHeard(Duration timeout) {
        long committed = current().version();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (listening && (latest == null || latest.version() < committed)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Log.debugf("The content version listener has not heard of version %d yet", committed);
                    return;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void startListening(@Observes StartupEvent event) {
        running = true;
        Thread listener = new Thread(this::listen, "content-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stopListening(@Observes ShutdownEvent event) {
        running = false;
        Connection connection = listenerConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection the listener may be using: its loop ends either way
            }
        }
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listenerConnection = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                heard(read(connection));
                backoffMillis = 100;
                while (running) {
                    PGNotification[] received = notifications.getNotifications(HEARTBEAT_MILLIS);
                    if (received == null || received.length == 0) {
                        heard(read(connection)); // a heartbeat; also notices a connection that died quietly
                        continue;
                    }
                    Snapshot newest = null;
                    for (PGNotification notification : received) {
                        Snapshot announced = parse(notification.getParameter());
                        newest = announced == null ? newest : announced.newest(newest);
                    }
                    if (newest != null) {
                        heard(newest);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                synchronized (lock) {
                    listening = false;
                    publish();
                    lock.notifyAll();
                }
                if (running) {
                    Log.warnf("Lost the content version listener (%s); reading versions from the database until it is back",
                            e.getMessage());
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                }
            } finally {
                listenerConnection = null;
            }
        }
    }

    private void heard(Snapshot snapshot) {
        synchronized (lock) {
            latest = snapshot.newest(latest);
            listening = true;
            publish();
            lock.notifyAll();
        }
    }

    private Snapshot learn(Snapshot read, long generation) {
        synchronized (lock) {
            latest = read.newest(latest);
            if (generation == localWrites) {
                checkedAtLocalWrites = generation;
            }
            publish();
            return latest;
        }
    }

    /** Memory is trusted while the listener follows the channel and nothing written here is newer than a read. */
    private void publish() {
        trusted = listening && checkedAtLocalWrites == localWrites ? latest : null;
    }

    private static Snapshot read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return new Snapshot(row.getLong(1), row.getTimestamp(2).toInstant());
        }
    }

    private static Snapshot parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new Snapshot(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return null;
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
