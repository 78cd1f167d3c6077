package dev.slugline.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CategoryRepository implements TermRepository<Category> {

    @Override
    public String table() {
        return "category";
    }
}
