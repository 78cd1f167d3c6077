-- Issue 4 (import speed): the large text of posts and revisions is compressed with lz4 instead of pglz: several
-- times cheaper to compress when 10,000 posts are imported, and cheaper to read back. Applies to values written
-- from now on. A PostgreSQL built without lz4 keeps pglz (nothing else changes).
do $$
begin
    alter table post alter column markdown set compression lz4,
                     alter column html set compression lz4;
    alter table post_revision alter column content set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 is not available in this PostgreSQL build: keeping pglz';
end;
$$;
