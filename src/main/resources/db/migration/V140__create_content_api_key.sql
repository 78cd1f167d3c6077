-- Ghost Content API keys: public by design (they sit in frontend code), so stored as they are; they read only
-- what anyone may read
create sequence content_api_key_seq start with 1 increment by 1;

create table content_api_key (
    id         bigint       primary key,
    secret     varchar(26)  not null,
    name       varchar(100) not null,
    created_by varchar(100) not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    constraint content_api_key_secret_unique unique (secret)
);

-- Ghost responses are cached per URL, key included: revoking a key must empty those caches on every instance
create trigger content_api_key_content_version after insert or update or delete or truncate on content_api_key
    for each statement execute function bump_content_version();
