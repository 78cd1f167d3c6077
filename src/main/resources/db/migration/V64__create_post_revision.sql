-- Every change to a post: who, when, and the whole content as it was after the change
create sequence post_revision_seq start with 1 increment by 50;

create table post_revision (
    id         bigint       primary key,
    post_id    bigint       not null references post (id) on delete cascade,
    number     integer      not null,
    action     varchar(16)  not null,
    author     varchar(100),
    created_at timestamp with time zone not null,
    content    jsonb        not null,
    constraint post_revision_number_unique unique (post_id, number)
);
