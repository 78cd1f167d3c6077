-- One row counting every change to what readers can see (posts, their terms, term names and aliases).
-- Every instance derives list ETags and Last-Modified from it, and drops cached responses when it moves,
-- so a change acknowledged by one instance is seen by all of them at once.
create table content_version (
    id         integer     primary key check (id = 1),
    version    bigint      not null,
    changed_at timestamp with time zone not null
);
insert into content_version (id, version, changed_at) values (1, 1, now());

create function bump_content_version() returns trigger language plpgsql as $$
begin
    update content_version
       set version = version + 1,
           changed_at = greatest(changed_at, date_trunc('milliseconds', clock_timestamp()))
     where id = 1;
    return null;
end;
$$;

create trigger post_content_version after insert or update or delete or truncate on post
    for each statement execute function bump_content_version();
create trigger post_tag_content_version after insert or update or delete or truncate on post_tag
    for each statement execute function bump_content_version();
create trigger post_category_content_version after insert or update or delete or truncate on post_category
    for each statement execute function bump_content_version();
create trigger tag_content_version after insert or update or delete or truncate on tag
    for each statement execute function bump_content_version();
create trigger category_content_version after insert or update or delete or truncate on category
    for each statement execute function bump_content_version();
