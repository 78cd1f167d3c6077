-- Secrets every instance must share (the key that signs preview links), made on first use
create table signing_key (
    name       varchar(50) primary key,
    secret     varchar(100) not null,
    created_at timestamp with time zone not null
);
