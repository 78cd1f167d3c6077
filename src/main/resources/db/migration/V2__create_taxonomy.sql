create sequence category_seq start with 1 increment by 1;
create sequence tag_seq start with 1 increment by 1;

create table category (
    id   bigint       primary key,
    slug varchar(200) not null,
    name varchar(200) not null,
    constraint category_slug_unique unique (slug)
);

create table tag (
    id   bigint       primary key,
    slug varchar(200) not null,
    name varchar(200) not null,
    constraint tag_slug_unique unique (slug)
);

create table post_category (
    post_id     bigint not null references post (id) on delete cascade,
    category_id bigint not null references category (id) on delete cascade,
    primary key (post_id, category_id)
);
create index post_category_category_idx on post_category (category_id);

create table post_tag (
    post_id bigint not null references post (id) on delete cascade,
    tag_id  bigint not null references tag (id) on delete cascade,
    primary key (post_id, tag_id)
);
create index post_tag_tag_idx on post_tag (tag_id);
