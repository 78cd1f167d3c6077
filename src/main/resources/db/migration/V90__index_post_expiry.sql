-- Cached reads compare the content version and the number of publication and expiry moments passed since it last
-- moved (common/http/ContentVersion), so that a scheduled post shows up, and an expired one goes, at its moment.
-- The publication moments use post_published_idx; this is the index for the expiry moments.
create index post_expires_idx on post (expires_at) where status = 'PUBLISHED' and expires_at is not null;
