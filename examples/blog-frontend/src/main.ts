// A static blog on Slugline's read API. Routes live in the hash, so dist/ works from any static host:
//   #/                      the newest posts
//   #/posts/<slug>          one post
//   #/tags/<slug>           posts with a tag
//   #/categories/<slug>     posts in a category
import "./style.css";
import { API, ApiError, feedUrl, getPost, getTerm, listPosts, listTags, type Neighbour, type PostListItem, type TermRef } from "./slugline";
import { writtenDate } from "./dates";

const app = document.querySelector<HTMLElement>("#app")!;

type Child = Node | string | null | undefined | false;

/** Builds an element; text is always set as text, never parsed as HTML. */
function h(tag: string, attributes: Record<string, string> = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child) element.append(child);
  }
  return element;
}

const postHref = (slug: string) => `#/posts/${encodeURIComponent(slug)}`;
const termHref = (kind: "tags" | "categories", slug: string) => `#/${kind}/${encodeURIComponent(slug)}`;

function termLinks(kind: "tags" | "categories", terms: TermRef[] | undefined): HTMLElement | null {
  if (!terms?.length) return null;
  return h("ul", { class: `terms ${kind}`, "aria-label": kind },
    terms.map((t) => h("li", {}, h("a", { href: termHref(kind, t.slug ?? ""), rel: "tag" }, kind === "tags" ? `#${t.name}` : t.name ?? ""))));
}

function dateLine(publishedAt: string | undefined, readingMinutes: number | undefined): HTMLElement {
  return h("p", { class: "meta" },
    publishedAt ? h("time", { datetime: publishedAt }, writtenDate(publishedAt)) : null,
    readingMinutes ? h("span", { class: "reading-time" }, ` · ${readingMinutes} min read`) : null);
}

function summaryCard(post: PostListItem): HTMLElement {
  return h("article", { class: "summary" },
    h("h2", {}, h("a", { href: postHref(post.slug ?? "") }, post.title ?? "")),
    dateLine(post.publishedAt, post.readingMinutes),
    post.summary ? h("p", { class: "summary-text" }, post.summary) : null,
    termLinks("categories", post.categories),
    termLinks("tags", post.tags));
}

async function home(): Promise<void> {
  document.title = "Slugline blog";
  const [posts, tags] = await Promise.all([listPosts({ size: 10 }), listTags()]);
  app.replaceChildren(h("div", {},
    h("h1", {}, "Latest posts"),
    posts.items?.length ? h("section", { class: "posts" }, posts.items.map(summaryCard)) : h("p", { class: "empty" }, "No posts yet."),
    tags.items?.length
      ? h("aside", { class: "all-tags" }, h("h2", {}, "Tags"),
          termLinks("tags", tags.items.map((t) => ({ slug: t.slug, name: t.name }))))
      : null));
}

async function termPage(kind: "tags" | "categories", slug: string): Promise<void> {
  const [term, posts] = await Promise.all([
    getTerm(kind, slug),
    listPosts(kind === "tags" ? { tag: [slug], size: 50 } : { category: [slug], size: 50 }),
  ]);
  const label = kind === "tags" ? "Tag" : "Category";
  document.title = `${label}: ${term.name} · Slugline blog`;
  app.replaceChildren(h("div", {},
    h("h1", {}, `${label}: ${term.name ?? slug}`),
    term.description ? h("p", { class: "term-description" }, term.description) : null,
    h("p", { class: "meta" }, `${term.postCount ?? posts.totalItems} post${(term.postCount ?? posts.totalItems) === 1 ? "" : "s"}`),
    h("section", { class: "posts" }, (posts.items ?? []).map(summaryCard)),
    h("p", {}, h("a", { href: "#/" }, "← All posts"))));
}

function neighbourLink(rel: "prev" | "next", neighbour: Neighbour | undefined): HTMLElement | null {
  if (!neighbour) return null;
  return h("a", { class: rel, rel, href: postHref(neighbour.slug) },
    h("small", {}, rel === "prev" ? "← Older" : "Newer →"), h("span", {}, neighbour.title));
}

async function postPage(slug: string): Promise<void> {
  const { post, prev, next } = await getPost(slug);
  document.title = `${post.title} · Slugline blog`;
  const body = h("div", { class: "content" });
  body.innerHTML = post.html ?? ""; // rendered and sanitized by Slugline (escaped HTML, safe URLs only)
  pointAtTheApi(body);
  app.replaceChildren(h("article", { class: "post" },
    h("h1", {}, post.title ?? ""),
    dateLine(post.publishedAt, post.readingMinutes),
    termLinks("categories", post.categories),
    body,
    termLinks("tags", post.tags),
    h("nav", { class: "neighbours", "aria-label": "More posts" }, neighbourLink("prev", prev), neighbourLink("next", next))));
  window.scrollTo(0, 0);
}

/** Media and links the API wrote as its own paths (/api/media/...) are on the API's host, not this one. */
function pointAtTheApi(body: HTMLElement): void {
  for (const [selector, attribute] of [["img[src]", "src"], ["a[href]", "href"], ["source[src]", "src"]] as const) {
    for (const element of body.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute) ?? "";
      if (value.startsWith("/") && !value.startsWith("//")) element.setAttribute(attribute, API + value);
    }
  }
}

function notFound(message: string): void {
  document.title = "Not found · Slugline blog";
  app.replaceChildren(h("h1", {}, "Not found"), h("p", { class: "error" }, message), h("p", {}, h("a", { href: "#/" }, "← All posts")));
}

async function route(): Promise<void> {
  const [, kind = "", raw = ""] = location.hash.replace(/^#/, "").split("/");
  const slug = decodeURIComponent(raw);
  app.setAttribute("aria-busy", "true");
  try {
    if (kind === "posts" && slug) await postPage(slug);
    else if ((kind === "tags" || kind === "categories") && slug) await termPage(kind, slug);
    else await home();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) notFound(e.message);
    else {
      app.replaceChildren(h("h1", {}, "Something went wrong"),
        h("p", { class: "error" }, e instanceof Error ? e.message : String(e)), h("p", {}, `API: ${API}`));
    }
  } finally {
    app.setAttribute("aria-busy", "false");
  }
}

for (const link of document.querySelectorAll<HTMLAnchorElement>("a.rss, link#rss")) link.href = feedUrl();
window.addEventListener("hashchange", () => void route());
void route();
