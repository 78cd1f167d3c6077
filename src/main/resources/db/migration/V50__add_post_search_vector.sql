-- Full-text search over title (weight A), summary (B) and body (C).
-- Each part is indexed twice: with the 'english' configuration (stemming: "summits" finds "summit") and with
-- 'simple' (no stemming, no stop words), which is right for text in any other or an unknown language.
-- The body is cut at 100,000 characters so that a huge post cannot exceed the 1 MB limit of a tsvector.
alter table post add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, left(coalesce(markdown, ''), 100000)), 'C')
    || setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, left(coalesce(markdown, ''), 100000)), 'C')
) stored;

create index post_search_vector_idx on post using gin (search_vector);
