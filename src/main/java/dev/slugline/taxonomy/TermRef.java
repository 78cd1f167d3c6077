package dev.slugline.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

@Schema(name = "TermRef", description = "A category or tag as carried by a post")
public record TermRef(
        @Schema(description = "Addresses the term in filters", example = "kubecon") String slug,
        @Schema(description = "Display name", example = "KubeCon") String name) {

    /** The order a post carries its terms in. */
    public static final Comparator<TermRef> BY_SLUG = Comparator.comparing(TermRef::slug);

    public static List<TermRef> of(Collection<? extends Term> terms) {
        return terms.stream().map(t -> new TermRef(t.slug, t.name)).sorted(BY_SLUG).toList();
    }
}
