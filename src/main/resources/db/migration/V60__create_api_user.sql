-- Accounts: passwords only as bcrypt modular-crypt strings, one role each (admin, editor, author)
create sequence api_user_seq start with 1 increment by 1;

create table api_user (
    id         bigint       primary key,
    username   varchar(100) not null,
    password   varchar(200) not null,
    role       varchar(16)  not null check (role in ('admin', 'editor', 'author')),
    created_at timestamp with time zone not null,
    constraint api_user_username_unique unique (username)
);
