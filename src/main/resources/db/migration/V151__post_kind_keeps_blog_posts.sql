-- Issue 15, found on real blogs: `layout: page` is many themes' template for blog posts (Carpentries' content/posts/,
-- Jekyll's _posts/). It makes a standalone page only outside the folders that hold a blog's posts; `type: page`
-- makes one anywhere. Kinds.of is the Java twin.
alter table post drop column kind;
alter table post add column kind varchar(8) generated always as (
    case when front_matter ->> 'type' = 'page' then 'page'
         when front_matter ->> 'layout' = 'page'
              and coalesce(source_path, '') !~ '(^|/)(_posts|_drafts|content/(posts?|blog|articles|news))/' then 'page'
         else 'post' end) stored;

create index post_public_page_idx on post (slug) where kind = 'page' and status = 'PUBLISHED';
