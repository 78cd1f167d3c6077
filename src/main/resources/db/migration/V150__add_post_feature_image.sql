-- The feature image of a post ({url, alt, caption}, null when none), decided when the post is written by one rule
-- (rendering/FeatureImage): an import points a relative path at the stored medium as it does the images of the
-- Markdown, which only the import knows; so it is stored rather than derived from the front matter like V141's kind.
-- feature_image_source: the path as written that the import resolved (cover.png), so that an edit through the API
-- that keeps naming it keeps its medium.
alter table post add column feature_image jsonb;
alter table post add column feature_image_source varchar(2000);

-- Posts written before: the first image their front matter names by an http(s) or root-relative URL, as the rule
-- reads it. A relative path names a medium of its import: importing the file again resolves it.
update post p set feature_image = found.image
from (
    select q.id, (
        select jsonb_build_object('url', c.url, 'alt', c.alt, 'caption', c.caption)
        from (values (1, 'feature_image'), (2, 'featured_image'), (3, 'image'), (4, 'cover'), (5, 'images')) k(n, key)
        cross join lateral (select case when jsonb_typeof(q.front_matter -> k.key) = 'array'
                                        then q.front_matter -> k.key -> 0 else q.front_matter -> k.key end as v) given
        cross join lateral (select
                btrim(case jsonb_typeof(given.v) when 'string' then given.v #>> '{}'
                      when 'object' then case when jsonb_typeof(given.v -> 'image') = 'string' then given.v ->> 'image'
                                              when jsonb_typeof(given.v -> 'path') = 'string' then given.v ->> 'path' end
                      end) as url,
                case when jsonb_typeof(given.v) = 'object' then given.v -> 'alt' else q.front_matter -> 'feature_image_alt' end as alt_value,
                case when jsonb_typeof(given.v) = 'object' then given.v -> 'caption' else q.front_matter -> 'feature_image_caption' end as caption_value
            ) raw
        cross join lateral (select raw.url,
                nullif(btrim(case when jsonb_typeof(raw.alt_value) = 'string' then raw.alt_value #>> '{}' end), '') as alt,
                nullif(btrim(case when jsonb_typeof(raw.caption_value) = 'string' then raw.caption_value #>> '{}' end), '') as caption
            ) c
        where c.url ~* '^(https?://[^[:cntrl:]]+|/[^/\\[:cntrl:]][^[:cntrl:]]*|/)$'
        order by k.n
        limit 1) as image
    from post q
    where q.front_matter ?| array['feature_image', 'featured_image', 'image', 'cover', 'images']
) found
where found.id = p.id and found.image is not null;
