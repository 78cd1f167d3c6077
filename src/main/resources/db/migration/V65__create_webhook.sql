-- Webhooks: subscriptions, the outbox of events (written with the change), and one delivery per event and hook
create sequence webhook_seq start with 1 increment by 1;
create sequence webhook_event_seq start with 1 increment by 50;
create sequence webhook_delivery_seq start with 1 increment by 50;

create table webhook (
    id         bigint        primary key,
    url        varchar(2000) not null,
    secret     varchar(200)  not null,
    events     varchar(500)  not null,
    active     boolean       not null,
    created_at timestamp with time zone not null
);

create table webhook_event (
    id         bigint      primary key,
    type       varchar(40) not null,
    payload    jsonb       not null,
    created_at timestamp with time zone not null
);

create table webhook_delivery (
    id              bigint      primary key,
    webhook_id      bigint      not null references webhook (id) on delete cascade,
    event_id        bigint      not null references webhook_event (id) on delete cascade,
    state           varchar(16) not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null,
    next_attempt_at timestamp with time zone not null,
    last_status     integer,
    last_error      varchar(1000),
    delivered_at    timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint webhook_delivery_unique unique (webhook_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, id desc);
