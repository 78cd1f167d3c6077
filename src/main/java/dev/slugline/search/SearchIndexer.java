package dev.slugline.search;

import dev.slugline.posts.PostImportService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;


/**
 * Fills in the search vectors that bulk imports leave null (V71__defer_post_search_vector.sql), a few hundred
 * posts per transaction, right after an import and on every tick on every instance; {@code SKIP LOCKED} shares
 * the work between instances. Until a post is done, search computes its vector on the fly.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final int ROWS_PER_TRANSACTION = 200;

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

    /** Indexes until nothing is pending (after another thread of this instance, if one is at it); returns how many posts. */
    public synchronized int indexPending() {
        int total = 0;
        try {
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> search.indexPending(ROWS_PER_TRANSACTION));
                total += done;
            } while (done == ROWS_PER_TRANSACTION);
            if (total > 0) {
                Log.infof("Indexed %d imported post(s) for search", total);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Search indexing failed; retried on the next tick");
        }
        return total;
    }
}
