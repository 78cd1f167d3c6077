package dev.slugline.taxonomy;

import dev.slugline.common.config.SluglineConfig;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.paging.Page;
import dev.slugline.common.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Categories and tags: turning what writers type into terms, and listing terms with their post counts. */
@ApplicationScoped
public class TaxonomyService {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final SluglineConfig config;

    public TaxonomyService(CategoryRepository categories, TagRepository tags, SluglineConfig config) {
        this.categories = categories;
        this.tags = tags;
        this.config = config;
    }

    /**
     * Names by slug for the terms a writer gave: each string may hold a comma list
     * ({@code "cncf, kubecon"} is two terms); names are trimmed, blanks dropped, and the first spelling of
     * a slug wins. Fails, naming {@code field[index]}, for a name with nothing sluggable in it or too long.
     */
    public Map<String, String> parseNames(String field, List<String> given) {
        Map<String, String> namesBySlug = new LinkedHashMap<>();
        if (given == null) {
            return namesBySlug;
        }
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i);
            if (entry == null) {
                throw new InvalidInputException(field + "[" + i + "]", "must not be null");
            }
            for (String part : entry.split(",")) {
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
        return new LinkedHashSet<>(categories.findOrCreate(namesBySlug));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Tag> tagsFor(Map<String, String> namesBySlug) {
        return new LinkedHashSet<>(tags.findOrCreate(namesBySlug));
    }

    /** Issue 4: the categories with these slugs (inserting missing ones) in one statement, by slug. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Category> categoriesBySlug(Map<String, String> namesBySlug) {
        Map<String, Category> bySlug = new LinkedHashMap<>();
        categories.findOrCreateAll(namesBySlug).forEach(c -> bySlug.put(c.slug, c));
        return bySlug;
    }

    /** Issue 4: the tags with these slugs (inserting missing ones) in one statement, by slug. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Tag> tagsBySlug(Map<String, String> namesBySlug) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        tags.findOrCreateAll(namesBySlug).forEach(t -> bySlug.put(t.slug, t));
        return bySlug;
    }

    public Page<TermView> listCategories(String page, String size) {
        return list(categories, page, size);
    }

    public Page<TermView> listTags(String page, String size) {
        return list(tags, page, size);
    }

    public TermDetail getCategory(String slug) {
        return categories.findDetail(slug).orElseThrow(() -> new NoSuchItemException("No category with slug '" + slug + "'"));
    }

    public TermDetail getTag(String slug) {
        return tags.findDetail(slug).orElseThrow(() -> new NoSuchItemException("No tag with slug '" + slug + "'"));
    }

    private Page<TermView> list(TermRepository<?> repository, String page, String size) {
        Page.Request request = Page.Request.of(page, size, config.paging());
        return Page.of(new ArrayList<>(repository.listWithPublishedCounts(request)), request, repository.count());
    }
}
