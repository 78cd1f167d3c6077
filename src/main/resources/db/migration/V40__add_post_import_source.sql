-- Issue 4: where an imported post came from, and a hash of what it was imported from, so that importing the
-- same file again is recognised as "unchanged" without rewriting the row. Any other write clears the hash.
alter table post add column source_path varchar(1000);
alter table post add column import_hash varchar(64);
