package dev.slugline.media;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MediaRepository implements PanacheRepository<Media> {

    public Optional<Media> findByPath(String path) {
        return find("path", path).firstResultOptional();
    }

    /** The file at a path, locked until the transaction ends, so that writes to one path are serialised. */
    public Optional<Media> findByPathForUpdate(String path) {
        return find("path", path).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Media> findByPaths(Collection<String> paths) {
        return paths.isEmpty() ? List.of() : list("path in ?1", paths);
    }

    public Optional<Media> findFirstBySha(String sha256) {
        return find("sha256", Sort.ascending("id"), sha256).firstResultOptional();
    }

    public Optional<byte[]> data(String sha256) {
        return getEntityManager().createQuery("select b.data from MediaBlob b where b.sha256 = ?1", byte[].class)
                .setParameter(1, sha256).getResultStream().findFirst();
    }

    /** Stores the bytes unless a blob with this hash exists; a concurrent insert of the same bytes is no error. */
    public void storeBlob(String sha256, byte[] data) {
        getEntityManager().createNativeQuery(
                        "insert into media_blob (sha256, size, data) values (?1, ?2, ?3) on conflict (sha256) do nothing")
                .setParameter(1, sha256).setParameter(2, (long) data.length).setParameter(3, data)
                .executeUpdate();
    }

    public List<Media> pageById(long afterId, int size) {
        return find("id > ?1", Sort.ascending("id"), afterId).page(0, size).list();
    }
}
