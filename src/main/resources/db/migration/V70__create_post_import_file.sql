-- Issue 4 (import speed): for each imported post, a hash of the file's bytes (with its path and what else decides
-- how it is read) and the warnings it was read with. Importing the same bytes again is recognised from this
-- alone, before the file is parsed or rendered, and reported "unchanged" with the same warnings. The row counts
-- only while the post's import_hash still equals the one stored here: any other write to the post clears that.
create table post_import_file (
    post_id     bigint      primary key references post (id) on delete cascade,
    file_hash   varchar(64) not null,
    import_hash varchar(64) not null,
    warnings    jsonb       not null default '[]'::jsonb
);
create index post_import_file_hash_idx on post_import_file (file_hash);
