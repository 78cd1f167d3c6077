// Ghost's official Content API client, unchanged, against a running Slugline.
// GhostClientTest (src/test/java/dev/slugline/ghost) starts Slugline, publishes three posts carrying the tag
// SLUGLINE_TAG (by SLUGLINE_AUTHOR, the last one with SLUGLINE_COAUTHOR too) and the page SLUGLINE_PAGE, creates a
// Content API key and runs `node --test` here with these variables.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import GhostContentAPI from '@tryghost/content-api';

const url = process.env.SLUGLINE_URL;
const key = process.env.SLUGLINE_KEY;
const tag = process.env.SLUGLINE_TAG;
const author = process.env.SLUGLINE_AUTHOR;
const coauthor = process.env.SLUGLINE_COAUTHOR;
const page = process.env.SLUGLINE_PAGE;
assert.ok(url && key && tag && author && coauthor && page,
    'SLUGLINE_URL, SLUGLINE_KEY, SLUGLINE_TAG, SLUGLINE_AUTHOR, SLUGLINE_COAUTHOR and SLUGLINE_PAGE must be set');

const api = new GhostContentAPI({url, key, version: 'v5.0'});

test('browse posts with tags and authors, filtered by tag', async () => {
    const posts = await api.posts.browse({include: 'tags,authors', filter: `tag:${tag}`});
    assert.equal(posts.length, 3);
    assert.equal(posts.meta.pagination.total, 3);
    assert.deepEqual(posts.map(p => p.published_at), [...posts.map(p => p.published_at)].sort(
        (a, b) => Date.parse(b) - Date.parse(a)));
    for (const post of posts) {
        assert.match(post.id, /^[0-9a-f]{24}$/);
        assert.ok(post.html.startsWith('<'));
        assert.ok(post.tags.some(t => t.slug === tag));
        assert.equal(post.primary_tag.slug, post.tags[0].slug);
        assert.ok(post.authors.length >= 1);
        assert.equal(post.primary_author.name, post.authors[0].name);
        assert.equal(typeof post.reading_time, 'number');
        assert.ok(post.url.startsWith('http'));
    }
    assert.ok(posts.some(p => p.published_at === '2023-12-12T16:14:55+04:00'), 'the writer\'s offset is kept');
});

test('read a post by slug and by id', async () => {
    const [first] = await api.posts.browse({filter: `tag:${tag}`, limit: 1});
    const bySlug = await api.posts.read({slug: first.slug}, {formats: 'html,plaintext'});
    assert.equal(bySlug.id, first.id);
    assert.equal(typeof bySlug.plaintext, 'string');
    const byId = await api.posts.read({id: first.id});
    assert.equal(byId.slug, first.slug);
});

test('filter by date', async () => {
    const recent = await api.posts.browse({filter: `tag:${tag}+published_at:>'2024-01-01 00:00:00'`});
    assert.equal(recent.length, 2);
    const older = await api.posts.browse({filter: `tag:${tag}+published_at:<='2024-01-01 00:00:00'`});
    assert.equal(older.length, 1);
});

test('paginate to the end, and limit all', async () => {
    const seen = [];
    let page = 1;
    for (;;) {
        const posts = await api.posts.browse({filter: `tag:${tag}`, limit: 1, page});
        seen.push(...posts.map(p => p.slug));
        assert.equal(posts.meta.pagination.pages, 3);
        if (!posts.meta.pagination.next) {
            break;
        }
        page = posts.meta.pagination.next;
    }
    assert.equal(new Set(seen).size, 3);
    const all = await api.posts.browse({filter: `tag:${tag}`, limit: 'all'});
    assert.deepEqual(all.map(p => p.slug), seen);
    assert.equal(all.meta.pagination.limit, 'all');
});

test('tags with post counts', async () => {
    const tags = await api.tags.browse({include: 'count.posts', filter: `slug:${tag}`});
    assert.equal(tags.length, 1);
    assert.equal(tags[0].count.posts, 3);
    const one = await api.tags.read({slug: tag}, {include: 'count.posts'});
    assert.equal(one.count.posts, 3);
    const byId = await api.tags.read({id: one.id});
    assert.equal(byId.slug, tag);
});

test('authors with post counts, and posts by author', async () => {
    const authors = await api.authors.browse({include: 'count.posts', filter: `slug:[${author},${coauthor}]`});
    assert.deepEqual(authors.map(a => [a.slug, a.count.posts]).sort(), [[author, 3], [coauthor, 1]].sort());
    const one = await api.authors.read({slug: author}, {include: 'count.posts'});
    assert.equal(one.count.posts, 3);
    assert.match(one.id, /^[0-9a-f]{24}$/);
    const byId = await api.authors.read({id: one.id});
    assert.equal(byId.slug, author);
    const together = await api.posts.browse({include: 'authors', filter: `authors:${coauthor}`});
    assert.equal(together.length, 1);
    assert.deepEqual(together[0].authors.map(a => a.slug), [author, coauthor]);
    assert.equal(together[0].primary_author.slug, author);
    await assert.rejects(api.authors.read({slug: 'no-such-author-anywhere'}), err => err.name === 'NotFoundError');
});

test('pages, which posts do not list', async () => {
    const pages = await api.pages.browse({filter: `slug:${page}`});
    assert.equal(pages.length, 1);
    const read = await api.pages.read({slug: page}, {formats: 'html'});
    assert.equal(read.id, pages[0].id);
    assert.ok(read.html.includes('<p>'));
    const posts = await api.posts.browse({filter: `slug:${page}`});
    assert.equal(posts.length, 0);
});

test('settings', async () => {
    const settings = await api.settings.browse();
    assert.equal(typeof settings.title, 'string');
    assert.ok(settings.url.startsWith('http'));
    assert.ok(Array.isArray(settings.navigation));
});

test('a wrong key is an UnauthorizedError', async () => {
    const wrong = new GhostContentAPI({url, key: '0123456789abcdef0123456789', version: 'v5.0'});
    await assert.rejects(wrong.posts.browse(), err => err.name === 'UnauthorizedError' && err.response.status === 401);
});

test('an unknown slug is a NotFoundError, a bad filter a BadRequestError', async () => {
    await assert.rejects(api.posts.read({slug: 'no-such-post-anywhere'}), err => err.name === 'NotFoundError');
    await assert.rejects(api.posts.browse({filter: 'tag:'}), err => err.name === 'BadRequestError');
});
