-- Issue 13, item 6: the paths a post had on the site it was imported from (its Hugo permalink, its url:, its
-- aliases), normalised (see dev.slugline.posts.FormerPaths): GET /api/redirects?path= finds the post by them.
create table post_former_path (
    path       varchar(2000) primary key,
    post_id    bigint        not null references post (id) on delete cascade,
    created_at timestamp with time zone not null default now()
);
create index post_former_path_post_idx on post_former_path (post_id);

create trigger post_former_path_content_version after insert or update or delete or truncate on post_former_path
    for each statement execute function bump_content_version();
