-- Every move of the content version is also announced on the channel content_version, with the new version and
-- its time in epoch milliseconds ("42 1732512345678"), so each instance keeps the current version in memory and
-- drops cached responses without asking the database on every read.
create or replace function bump_content_version() returns trigger language plpgsql as $$
declare
    new_version    bigint;
    new_changed_at timestamp with time zone;
begin
    update content_version
       set version = version + 1,
           changed_at = greatest(changed_at, date_trunc('milliseconds', clock_timestamp()))
     where id = 1
    returning version, changed_at into new_version, new_changed_at;
    perform pg_notify('content_version',
                      new_version || ' ' || (extract(epoch from new_changed_at) * 1000)::bigint);
    return null;
end;
$$;
