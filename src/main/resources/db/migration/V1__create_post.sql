create sequence post_seq start with 1 increment by 50;

create table post (
    id               bigint       primary key,
    slug             varchar(200) not null,
    title            varchar(300) not null,
    summary          text         not null,
    markdown         text         not null,
    html             text         not null,
    status           varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED')),
    -- the instant, plus the offset it was written with, so 11:05:09+05:00 reads back as written
    published_at     timestamp with time zone,
    published_offset integer,
    word_count       integer      not null,
    reading_minutes  integer      not null,
    front_matter     jsonb        not null default '{}'::jsonb,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint       not null,
    constraint post_slug_unique unique (slug)
);

create index post_published_idx on post (published_at desc, id desc) where status = 'PUBLISHED';
