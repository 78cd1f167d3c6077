-- A description for term pages (GET /api/tags/{slug}, /api/categories/{slug}); empty until an editor sets one.
alter table tag add column description text;
alter table category add column description text;
