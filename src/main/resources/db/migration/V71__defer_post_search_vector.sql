-- Issue 4 (import speed): the search vector of a post is kept by a trigger instead of being a generated column, so
-- that a bulk import may leave it to be filled after its transaction: computing it is most of what storing 10,000
-- posts costs PostgreSQL. Every other write computes it at once, as before. A post whose vector is still missing
-- is found by search all the same (computed on the fly, SearchRepository), and SearchIndexer fills it in soon.
-- The vector is the same expression as in V50, now in one function that the trigger, the indexer and the search
-- fallback share.
alter table post alter column search_vector drop expression;

create function post_search_vector(title text, summary text, markdown text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, left(coalesce(markdown, ''), 100000)), 'C')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, left(coalesce(markdown, ''), 100000)), 'C')
$$;

-- Recomputed when the text changes (not on every update, as the generated column was); left null instead when
-- the transaction asked for it with set_config('slugline.defer_search_vector', 'on', true).
create function post_search_vector_keep() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.title is distinct from old.title or new.summary is distinct from old.summary
            or new.markdown is distinct from old.markdown then
        if coalesce(current_setting('slugline.defer_search_vector', true), '') = 'on' then
            new.search_vector := null;
        else
            new.search_vector := post_search_vector(new.title, new.summary, new.markdown);
        end if;
    end if;
    return new;
end;
$$;

create trigger post_search_vector before insert or update on post
    for each row execute function post_search_vector_keep();

-- the posts the indexer has still to do, and the search fallback has to compute
create index post_search_pending_idx on post (id) where search_vector is null;
