package dev.slugline.importing;

import dev.slugline.common.text.Slugs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Files of one import that claim the same slug all become posts (Hugo sites with dated permalinks reuse a slug:
 * a weekly {@code edge-release-roundup}). The oldest claim (by date, then path; undated last) keeps the slug;
 * each later one gets the date it was published on as written, {@code -2021-03-04}, and {@code -2}, {@code -3}
 * after that when the dated slug is taken too. Only the claims decide it, so the same archive gives the same
 * slugs every time.
 */
final class DuplicateSlugs {

    /** A file that wants {@code slug}, published at {@code date} (null: no date). */
    record Claim(String path, String slug, OffsetDateTime date) {
    }

    private static final Comparator<Claim> OLDEST_FIRST = Comparator
            .comparing(Claim::date, Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)))
            .thenComparing(Claim::path);

    private DuplicateSlugs() {
    }

    /**
     * The slug each claim gets, by path, for the claims whose slug changes. {@code reserved}: slugs already held
     * by files of this import that are unchanged since the last one (they keep theirs).
     */
    static Map<String, String> resolve(Collection<Claim> claims, Set<String> reserved) {
        Map<String, List<Claim>> bySlug = new TreeMap<>();
        claims.forEach(claim -> bySlug.computeIfAbsent(claim.slug(), s -> new ArrayList<>()).add(claim));
        Set<String> taken = new HashSet<>(reserved);
        List<Claim> later = new ArrayList<>();
        // every slug asked for once, or first, is kept before any suffix is chosen
        for (List<Claim> group : bySlug.values()) {
            group.sort(OLDEST_FIRST);
            if (!reserved.contains(group.get(0).slug())) {
                taken.add(group.get(0).slug());
                later.addAll(group.subList(1, group.size()));
            } else {
                later.addAll(group);
            }
        }
        later.sort(Comparator.comparing(Claim::slug).thenComparing(OLDEST_FIRST));
        Map<String, String> changed = new LinkedHashMap<>();
        for (Claim claim : later) {
            String base = claim.date() == null ? claim.slug()
                    : Slugs.withSuffix(claim.slug(), "-" + claim.date().toLocalDate());
            String slug = base;
            for (int n = 2; taken.contains(slug); n++) {
                slug = Slugs.withSuffix(base, "-" + n);
            }
            taken.add(slug);
            changed.put(claim.path(), slug);
        }
        return changed;
    }
}
