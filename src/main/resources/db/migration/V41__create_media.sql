-- Issue 4: uploaded and imported files. The bytes live once per content hash (deduplication), in PostgreSQL,
-- so every instance behind a load balancer serves the same files; media rows name them by path.
create sequence media_seq start with 1 increment by 50;

create table media_blob (
    sha256 varchar(64) primary key,
    size   bigint      not null,
    data   bytea       not null
);

create table media (
    id           bigint        primary key,
    path         varchar(1000) not null,
    content_type varchar(200)  not null,
    sha256       varchar(64)   not null references media_blob (sha256),
    size         bigint        not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint media_path_unique unique (path)
);
create index media_sha256_idx on media (sha256);
