-- Filling in a search vector that an import deferred (search/SearchIndexer) changes nothing a reader can see:
-- until then, search computes the missing vector on the fly with the same function. So the indexer's updates,
-- marked with set_config('slugline.search_indexing', 'on', true) in their transaction, leave the content version
-- (and every instance's response cache) alone.
create or replace function bump_content_version() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('slugline.search_indexing', true), '') = 'on' then
        return null;
    end if;
    update content_version
       set version = version + 1,
           changed_at = greatest(changed_at, date_trunc('milliseconds', clock_timestamp()))
     where id = 1;
    return null;
end;
$$;
