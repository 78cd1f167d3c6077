-- At most one row: the first start that looked at an empty database for the sample content (issue 14) claims it here,
-- so instances starting at once never import it twice and a database that was ever used never gets it again.
create table sample_content_claim (
    id          smallint primary key check (id = 1),
    claimed_at  timestamp with time zone not null default now(),
    imported    boolean not null
);
