-- Keyset paging by the other sort orders of GET /api/posts, and lookups of a term's posts.
create index post_title_idx on post (title, id) where status = 'PUBLISHED';
create index post_updated_idx on post (updated_at desc, id desc) where status = 'PUBLISHED';
