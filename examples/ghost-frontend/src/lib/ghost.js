import GhostContentAPI from '@tryghost/content-api';

// Ghost's own client, as Ghost's and Astro's guides set it up: the site URL and a Content API key, both from the
// environment (GHOST_URL, CONTENT_API_KEY) so the same build reads any Ghost-compatible server.
const url = import.meta.env.GHOST_URL;
const key = import.meta.env.CONTENT_API_KEY;
if (!url || !key) {
  throw new Error('Set GHOST_URL (the site, e.g. http://localhost:2368) and CONTENT_API_KEY before building');
}

export const ghost = new GhostContentAPI({ url, key, version: 'v5.0' });

let site;

/** The settings and the list of standalone pages every page's header shows: read once per build. */
export function siteInfo() {
  site ??= Promise.all([
    ghost.settings.browse(),
    ghost.pages.browse({ limit: 'all', fields: 'title,slug' }),
  ]).then(([settings, pages]) => ({ settings, pages }));
  return site;
}

/** Every published post, newest first, with its tags and authors; only those matching an NQL filter when given. */
export function allPosts(filter) {
  return ghost.posts.browse({ limit: 'all', include: 'tags,authors', ...(filter ? { filter } : {}) });
}

export function formatDate(iso) {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
