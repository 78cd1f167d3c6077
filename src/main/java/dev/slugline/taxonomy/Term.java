package dev.slugline.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What categories and tags have in common: a display name and the slug that addresses it. */
@MappedSuperclass
public abstract class Term {

    @Column(nullable = false, unique = true, length = 200)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    /** What the term is about, for its page; null until an editor sets one. */
    @Column(columnDefinition = "text")
    public String description;

    public abstract Long id();
}
