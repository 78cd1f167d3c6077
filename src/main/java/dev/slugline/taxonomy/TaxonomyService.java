package dev.slugline.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.errors.PreconditionFailedException;
import dev.slugline.common.errors.PreconditionRequiredException;
import dev.slugline.common.http.EntityTags;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import dev.slugline.posts.EditingConfig;
import dev.slugline.security.CurrentEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Categories and tags: turning what writers type into terms, and listing terms with their post counts. */
@ApplicationScoped
public class TaxonomyService {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final SluglineConfig config;
    private final EditingConfig editing;
    private final ObjectMapper json;
    private final CurrentEditor editor;

    public TaxonomyService(CategoryRepository categories, TagRepository tags, SluglineConfig config,
                           EditingConfig editing, ObjectMapper json, CurrentEditor editor) {
        this.editor = editor;
        this.categories = categories;
        this.tags = tags;
        this.config = config;
        this.editing = editing;
        this.json = json;
    }

    /**
     * Names by slug for the terms a writer gave: each string may hold a comma list
     * ({@code "cncf, kubecon"} is two terms); names are trimmed, blanks dropped, and the first spelling of
     * a slug wins. Fails, naming {@code field[index]}, for a name with nothing sluggable in it or too long.
     */
    public static Map<String, String> parseNames(String field, List<String> given) {
        return parseNames(field, given, true);
    }

    /** As {@link #parseNames(String, List)}; without {@code commaLists} each string is one name. */
    public static Map<String, String> parseNames(String field, List<String> given, boolean commaLists) {
        Map<String, String> namesBySlug = new LinkedHashMap<>();
        if (given == null) {
            return namesBySlug;
        }
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i);
            if (entry == null) {
                throw new InvalidInputException(field + "[" + i + "]", "must not be null");
            }
            for (String part : commaLists ? entry.split(",") : new String[] {entry}) {
                String name = WHITESPACE.matcher(part.strip()).replaceAll(" ");
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf('\0') >= 0) {
                    throw new InvalidInputException(field + "[" + i + "]", "must not contain NUL characters");
                }
                if (name.length() > Slugs.MAX_LENGTH) {
                    throw new InvalidInputException(field + "[" + i + "]",
                            "a name must be at most " + Slugs.MAX_LENGTH + " characters");
                }
                String slug = Slugs.fromText(name);
                if (slug.isEmpty()) {
                    throw new InvalidInputException(field + "[" + i + "]",
                            "'" + name + "' has no letter or digit to make a slug of");
                }
                namesBySlug.putIfAbsent(slug, name);
            }
        }
        return namesBySlug;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Category> categoriesFor(Map<String, String> namesBySlug) {
        return new LinkedHashSet<>(categories.findOrCreateByName(namesBySlug).values());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Tag> tagsFor(Map<String, String> namesBySlug) {
        return new LinkedHashSet<>(tags.findOrCreateByName(namesBySlug).values());
    }

    /** Issue 4: the categories with these slugs (inserting missing ones) in one statement, by slug. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Category> categoriesBySlug(Map<String, String> namesBySlug) {
        Map<String, Category> bySlug = new LinkedHashMap<>();
        bySlug.putAll(categories.findOrCreateByName(namesBySlug));
        return bySlug;
    }

    /** Issue 4: the tags with these slugs (inserting missing ones) in one statement, by slug. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Tag> tagsBySlug(Map<String, String> namesBySlug) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        bySlug.putAll(tags.findOrCreateByName(namesBySlug));
        return bySlug;
    }

    /** Categories that public posts carry; with {@code visibility=all} (users only) every category. */
    public Page<TermView> listCategories(String page, String size, String visibility) {
        return list(categories, page, size, includesUnpublished(visibility));
    }

    public Page<TermView> listCategories(String page, String size) {
        return listCategories(page, size, null);
    }

    /** Tags that public posts carry; with {@code visibility=all} (users only) every tag. */
    public Page<TermView> listTags(String page, String size, String visibility) {
        return list(tags, page, size, includesUnpublished(visibility));
    }

    public Page<TermView> listTags(String page, String size) {
        return listTags(page, size, null);
    }

    /** A category that a public post carries; with {@code visibility=all} (users only) any category. */
    public TermDetail getCategory(String slug, String visibility) {
        return detail(categories, "category", slug, includesUnpublished(visibility));
    }

    public TermDetail getCategory(String slug) {
        return getCategory(slug, null);
    }

    /** A tag that a public post carries; with {@code visibility=all} (users only) any tag. */
    public TermDetail getTag(String slug, String visibility) {
        return detail(tags, "tag", slug, includesUnpublished(visibility));
    }

    public TermDetail getTag(String slug) {
        return getTag(slug, null);
    }

    /**
     * Whether {@code visibility} asks for unpublished terms too ({@code all}), which only users may see; answers
     * that depend on the caller are not cached (see the resource).
     */
    public boolean includesUnpublished(String visibility) {
        if (visibility == null || visibility.equals("public")) {
            return false;
        }
        if (!visibility.equals("all")) {
            throw new InvalidInputException("visibility", "must be 'public' or 'all', not '" + visibility + "'");
        }
        if (editor.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException("visibility=all needs credentials");
        }
        if (!editor.mayReadUnpublished()) {
            throw new io.quarkus.security.ForbiddenException("visibility=all is for users who may read unpublished posts");
        }
        return true;
    }

    private static TermDetail detail(TermRepository<?> repository, String kind, String slug, boolean everything) {
        return repository.findDetail(slug).filter(t -> everything || t.postCount() > 0)
                .orElseThrow(() -> new NoSuchItemException("No " + kind + " with slug '" + slug + "'"));
    }

    /**
     * Applies an editor's merge patch to a category. {@code currentTag} is the ETag a GET of the category gives
     * now; it is read once the row is locked, so a change committed meanwhile makes {@code ifMatch} stale (412).
     */
    @Transactional
    public TermDetail patchCategory(String slug, String patchJson, String ifMatch, Supplier<EntityTag> currentTag) {
        return patch(categories, "category", slug, patchJson, ifMatch, currentTag);
    }

    /** As {@link #patchCategory}, for a tag. */
    @Transactional
    public TermDetail patchTag(String slug, String patchJson, String ifMatch, Supplier<EntityTag> currentTag) {
        return patch(tags, "tag", slug, patchJson, ifMatch, currentTag);
    }

    private <T extends Term> TermDetail patch(TermRepository<T> repository, String kind, String slug, String patchJson,
                                              String ifMatch, Supplier<EntityTag> currentTag) {
        TermChange change = TermChange.of(readPatch(patchJson));
        T term = lockForChange(repository, kind, "/api/" + (kind.equals("tag") ? "tags" : "categories") + "/" + slug,
                slug, ifMatch, currentTag);
        change.applyTo(term);
        repository.flush();
        return repository.findDetail(slug).orElseThrow();
    }

    /** The body of a merge patch as JSON; a 400 when it is none. */
    public JsonNode readPatch(String patchJson) {
        try {
            return json.readTree(patchJson == null ? "" : patchJson);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The term (or author) with {@code slug}, locked for a change that If-Match allows: without If-Match a 428 when
     * the configuration requires one, a stale one a 412. {@code currentTag} is the ETag a GET of {@code path} gives
     * now, read once the row is locked, so that a change committed meanwhile makes {@code ifMatch} stale.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Term> T lockForChange(TermRepository<T> repository, String kind, String path, String slug,
                                            String ifMatch, Supplier<EntityTag> currentTag) {
        boolean conditional = ifMatch != null && !ifMatch.isBlank();
        if (!conditional && editing.requireIfMatch()) {
            throw new PreconditionRequiredException("Changing a " + kind + " needs an If-Match header with the ETag"
                    + " of GET " + path + " (or *), so that no change is overwritten unseen");
        }
        T term = repository.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NoSuchItemException("No " + kind + " with slug '" + slug + "'"));
        if (conditional) {
            String current = currentTag.get().toString();
            if (!EntityTags.matches(ifMatch, current, false)) {
                throw new PreconditionFailedException("The " + kind + " '" + slug + "' has changed since "
                        + ifMatch.strip() + "; its current ETag is " + current);
            }
        }
        return term;
    }

    private Page<TermView> list(TermRepository<?> repository, String page, String size, boolean everything) {
        Page.Request request = Page.Request.of(page, size, config.paging());
        return Page.of(new ArrayList<>(repository.listWithPublishedCounts(request, !everything)), request,
                everything ? repository.count() : repository.countPublic());
    }
}
