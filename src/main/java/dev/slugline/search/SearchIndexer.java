package dev.slugline.search;

import dev.slugline.posts.PostImportService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;


/**
 * Fills in the search vectors that bulk imports leave null (V71__defer_post_search_vector.sql), a few hundred
 * posts per transaction, right after an import and on every tick on every instance; {@code SKIP LOCKED} shares
 * the work between instances. Until a post is done, search computes its vector on the fly.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final int ROWS_PER_TRANSACTION = 200;
    /**
     * Computing vectors is PostgreSQL's CPU work, one core per transaction: two at a time (SKIP LOCKED gives them
     * different rows) finish an import's posts in about half the time on a database with two cores or more.
     */
    private static final int WORKERS = 2;

    private final SearchRepository search;
    private final ManagedExecutor executor;
    private final PostImportService imports;

    public SearchIndexer(SearchRepository search, ManagedExecutor executor, PostImportService imports) {
        this.imports = imports;
        this.search = search;
        this.executor = executor;
    }

    /** An import has finished: index what it left, in the background. */
    void imported(@Observes PostImportService.Finished finished) {
        executor.execute(this::indexPending);
    }

    /** Not while this instance imports: the two would compete for the same cores, and the import calls when done. */
    @Scheduled(every = "${slugline.search.index-poll:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!imports.importing()) {
            indexPending();
        }
    }

    /**
     * Indexes until nothing is pending (after another thread of this instance, if one is at it); returns how many
     * posts. One transaction first: only when it was full (more is pending, and the database answers) do
     * {@link #WORKERS} transactions at a time go on, so that a tick during an outage makes one attempt, as before.
     */
    public synchronized int indexPending() {
        int total;
        try {
            total = QuarkusTransaction.requiringNew().call(() -> search.indexPending(ROWS_PER_TRANSACTION));
        } catch (RuntimeException e) {
            Log.warnf(e, "Search indexing failed; retried on the next tick");
            return 0;
        }
        if (total == ROWS_PER_TRANSACTION) {
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i < WORKERS; i++) {
                others.add(executor.submit(this::indexBatches));
            }
            total += indexBatches();
            for (Future<Integer> other : others) {
                try {
                    total += other.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    Log.warnf(e.getCause(), "Search indexing failed; retried on the next tick");
                }
            }
        }
        if (total > 0) {
            Log.infof("Indexed %d imported post(s) for search", total);
        }
        return total;
    }

    /** One worker: a transaction of up to {@link #ROWS_PER_TRANSACTION} posts after another, until none is left. */
    private int indexBatches() {
        int total = 0;
        try {
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> search.indexPending(ROWS_PER_TRANSACTION));
                total += done;
            } while (done == ROWS_PER_TRANSACTION);
        } catch (RuntimeException e) {
            Log.warnf(e, "Search indexing failed; retried on the next tick");
        }
        return total;
    }
}
