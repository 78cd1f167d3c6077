-- Issue 15: standalone pages (About, Contact) are posts whose front matter says so: Hugo's `type: page`, Jekyll's
-- `layout: page`. Derived from the front matter, so imports, the API and exports agree without another field to keep
-- in step; pages are in no list, feed, archive or neighbour link of posts.
alter table post add column kind varchar(8) generated always as (
    case when front_matter ->> 'type' = 'page' or front_matter ->> 'layout' = 'page' then 'page' else 'post' end) stored;

create index post_public_page_idx on post (slug) where kind = 'page' and status = 'PUBLISHED';
