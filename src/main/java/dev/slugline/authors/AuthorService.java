package dev.slugline.authors;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import dev.slugline.taxonomy.TaxonomyService;
import dev.slugline.taxonomy.TermChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Authors: who a post is by (named in its front matter, or the account that wrote it), their profiles, and what of
 * them is public. As for terms, an author whom only unpublished posts carry is not public.
 */
@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;
    private final TaxonomyService taxonomy;
    private final SluglineConfig config;

    public AuthorService(AuthorRepository authors, TaxonomyService taxonomy, SluglineConfig config) {
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.config = config;
    }

    /**
     * Names by slug, in the order given, under the rules of term names (trimmed, the first spelling of a slug wins),
     * each string one name ({@code Doe, Jane} is one; front matter bylines are taken apart by {@link AuthorNames});
     * fails naming {@code authors[index]}.
     */
    public static Map<String, String> parseNames(List<String> names) {
        return TaxonomyService.parseNames("authors", names, false);
    }

    /** The author an account writes as when a post names none: the one whose slug is made of its username. */
    public static Map<String, String> accountAuthor(String username) {
        if (username == null || Slugs.fromText(username).isEmpty()) {
            return Map.of();
        }
        return Map.of(Slugs.fromText(username), username);
    }

    /**
     * The authors these names stand for, in the order given, inserting the missing ones; a name is the author of
     * that name first, whatever its slug (see {@link dev.slugline.taxonomy.TermRepository#findOrCreateByName}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Author> authorsFor(Map<String, String> namesBySlug) {
        Map<String, Author> bySlug = authorsBySlug(namesBySlug);
        return namesBySlug.keySet().stream().map(bySlug::get).distinct().toList();
    }

    /** As {@link #authorsFor}, by the slug of each name given (imports: one statement per 1,000 names). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Author> authorsBySlug(Map<String, String> namesBySlug) {
        return authors.findOrCreateByName(namesBySlug);
    }

    /** Authors whom public posts carry, by name; with {@code visibility=all} (users only) every author. */
    public Page<AuthorView> list(String page, String size, String visibility) {
        boolean everyone = taxonomy.includesUnpublished(visibility);
        Page.Request request = Page.Request.of(page, size, config.paging());
        return Page.of(new ArrayList<>(authors.listViews(request, !everyone)), request,
                everyone ? authors.count() : authors.countPublic());
    }

    /** Every public author, for Ghost's {@code limit=all}. */
    public List<AuthorView> listPublic() {
        return authors.listPublicViews();
    }

    /** An author whom a public post carries; with {@code visibility=all} (users only) any author. */
    public AuthorView get(String slug, String visibility) {
        boolean everyone = taxonomy.includesUnpublished(visibility);
        return authors.findView(slug).filter(a -> everyone || a.postCount() > 0)
                .orElseThrow(() -> new NoSuchItemException("No author with slug '" + slug + "'"));
    }

    /** The authors of these posts, each post's in order (post counts left 0). */
    public Map<Long, List<AuthorView>> ofPosts(List<Long> postIds) {
        return authors.ofPosts(postIds);
    }

    /** Applies an editor's merge patch to an author once If-Match allows it (see {@link TaxonomyService#lockForChange}). */
    @Transactional
    public AuthorView patch(String slug, String patchJson, String ifMatch, Supplier<EntityTag> currentTag) {
        AuthorChange change = AuthorChange.of(taxonomy.readPatch(patchJson));
        Author author = taxonomy.lockForChange(authors, "author", "/api/authors/" + slug, slug, ifMatch, currentTag);
        change.applyTo(author);
        authors.flush();
        return authors.findView(slug).orElseThrow();
    }

    /**
     * Profiles an imported site gives its authors fill in what those authors lack (an editor's change is never
     * overwritten); profiles of authors no post names are not stored, and values no profile may hold are left out.
     */
    @Transactional
    public void fillProfiles(List<AuthorProfile> profiles) {
        for (AuthorProfile profile : profiles) {
            String slug = Slugs.fromText(profile.name());
            java.util.Optional<Author> found = authors.withNames(List.of(profile.name())).stream().findFirst()
                    .or(() -> slug.isEmpty() ? java.util.Optional.empty() : authors.findBySlug(slug));
            found.ifPresent(author -> {
                if (author.description == null && profile.bio() != null && profile.bio().length() <= TermChange.MAX_DESCRIPTION) {
                    author.description = profile.bio();
                }
                if (author.profileImage == null && profile.profileImage() != null) {
                    author.profileImage = AuthorChange.validUrl(profile.profileImage(), true).orElse(null);
                }
                if (author.website == null && profile.website() != null) {
                    author.website = AuthorChange.validUrl(profile.website(), false).orElse(null);
                }
                if (author.location == null && profile.location() != null && profile.location().length() <= AuthorChange.MAX_LOCATION) {
                    author.location = profile.location();
                }
            });
        }
    }
}
