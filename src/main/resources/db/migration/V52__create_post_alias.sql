-- Former slugs of a post (after a rename, or Hugo "aliases"): they answer with a 301 to the current slug.
create table post_alias (
    slug       varchar(200) primary key,
    post_id    bigint       not null references post (id) on delete cascade,
    created_at timestamp with time zone not null default now()
);
create index post_alias_post_idx on post_alias (post_id);

create trigger post_alias_content_version after insert or update or delete or truncate on post_alias
    for each statement execute function bump_content_version();
