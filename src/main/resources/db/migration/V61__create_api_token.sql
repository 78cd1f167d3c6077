-- API tokens: only the SHA-256 of the token is kept; it is shown to its owner once
create sequence api_token_seq start with 1 increment by 1;

create table api_token (
    id         bigint       primary key,
    user_id    bigint       not null references api_user (id) on delete cascade,
    name       varchar(100) not null,
    token_hash varchar(64)  not null,
    read_only  boolean      not null,
    expires_at timestamp with time zone,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_user_idx on api_token (user_id);
