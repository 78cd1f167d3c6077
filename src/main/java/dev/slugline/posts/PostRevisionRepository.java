package dev.slugline.posts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PostRevisionRepository implements PanacheRepository<PostRevision> {

    public List<PostRevision> listOf(long postId) {
        return list("postId", Sort.descending("number"), postId);
    }

    public Optional<PostRevision> find(long postId, int number) {
        return find("postId = ?1 and number = ?2", postId, number).firstResultOptional();
    }

    /** The next number; callers hold the post's row lock (or just created it), so numbers never collide. */
    public int nextNumber(long postId) {
        Integer max = find("select max(r.number) from PostRevision r where r.postId = ?1", postId)
                .project(Integer.class).firstResult();
        return max == null ? 1 : max + 1;
    }

    /**
     * Issue 4: the next revision of many posts in one statement (imports): each gets the number after its
     * highest. Callers hold the posts' row locks (or just created them), so numbers never collide.
     */
    public void insertAll(Long[] postIds, String[] contentJson, String action, String author, java.time.OffsetDateTime at) {
        if (postIds.length == 0) {
            return;
        }
        Long[] ids = dev.slugline.common.sql.BulkSql.newIds(getEntityManager(), PostRevision.class, postIds.length);
        dev.slugline.common.sql.BulkSql.execute(getEntityManager(), "insert into post_revision"
                        + " (id, post_id, number, action, author, created_at, content)"
                        + " select r.id, r.post_id,"
                        + " coalesce((select max(x.number) from post_revision x where x.post_id = r.post_id), 0) + 1,"
                        + " ?, ?, ?, cast(r.content as jsonb) from unnest(?, ?, ?) as r(id, post_id, content)",
                action, author, at, ids, postIds, contentJson);
    }
}
