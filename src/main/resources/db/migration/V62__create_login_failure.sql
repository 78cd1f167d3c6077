-- Failed logins per user name and per client address, shared by every instance
create table login_failure (
    key          varchar(300) primary key,
    failures     integer      not null,
    window_start timestamp with time zone not null
);
