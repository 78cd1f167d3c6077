-- Issue 15: authors as records of their own, apart from accounts (an author need not log in). A post has one or more,
-- in order (position). Posts written before take theirs from their front matter or their account: V143.
create sequence author_seq start with 1 increment by 1;

create table author (
    id            bigint       primary key,
    slug          varchar(200) not null,
    name          varchar(200) not null,
    description   text,
    profile_image varchar(2000),
    cover_image   varchar(2000),
    website       varchar(2000),
    location      varchar(200),
    constraint author_slug_unique unique (slug)
);

create table post_author (
    post_id   bigint  not null references post (id) on delete cascade,
    position  integer not null,
    author_id bigint  not null references author (id) on delete cascade,
    primary key (post_id, position)
);
create index post_author_author_idx on post_author (author_id);

create trigger author_content_version after insert or update or delete or truncate on author
    for each statement execute function bump_content_version();
create trigger post_author_content_version after insert or update or delete or truncate on post_author
    for each statement execute function bump_content_version();
