-- Who wrote a post, when it leaves public view, the trash, and whether its publication was announced
alter table post add column created_by varchar(100);
alter table post add column expires_at timestamp with time zone;
alter table post add column deleted_at timestamp with time zone;
alter table post add column deleted_by varchar(100);
alter table post add column publish_announced boolean not null default false;

create index post_unannounced_idx on post (published_at) where status = 'PUBLISHED' and not publish_announced;
create index post_deleted_idx on post (deleted_at) where deleted_at is not null;

-- posts already public before this migration need no announcement
update post set publish_announced = true where status = 'PUBLISHED' and (published_at is null or published_at <= now());
