package dev.slugline.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TagRepository implements TermRepository<Tag> {

    @Override
    public String table() {
        return "tag";
    }
}
