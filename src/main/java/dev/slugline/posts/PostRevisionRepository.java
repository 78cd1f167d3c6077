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
}
