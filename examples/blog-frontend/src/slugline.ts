// A small typed client for Slugline's public read API. Every type comes from src/api.d.ts, generated from the
// service's OpenAPI document (`npm run gen`), so a change to the API that breaks this code fails `tsc`.
import type { components, paths } from "./api";

export type Post = components["schemas"]["Post"];
export type PostListItem = components["schemas"]["PostListItem"];
export type PostListing = paths["/api/posts"]["get"]["responses"][200]["content"]["application/json"];
export type TermDetail = paths["/api/tags/{slug}"]["get"]["responses"][200]["content"]["application/json"];
export type TermPage = paths["/api/tags"]["get"]["responses"][200]["content"]["application/json"];
export type TermRef = components["schemas"]["TermRef"];
export type Problem = components["schemas"]["Problem"];
type ListQuery = NonNullable<paths["/api/posts"]["get"]["parameters"]["query"]>;

/** The service, baked in at build time: VITE_SLUGLINE_URL (default http://localhost:8080). */
export const API = (import.meta.env.VITE_SLUGLINE_URL || "http://localhost:8080").replace(/\/+$/, "");

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem?: Problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

async function getJson<T>(path: string, query: Record<string, string | number | string[] | undefined> = {}): Promise<{ body: T; response: Response }> {
  const url = new URL(API + path);
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      url.searchParams.append(key, String(v));
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = response.headers.get("Content-Type")?.includes("problem+json") ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem);
  }
  return { body: (await response.json()) as T, response };
}

export async function listPosts(query: Pick<ListQuery, "tag" | "category" | "page" | "size" | "fields">): Promise<PostListing> {
  return (await getJson<PostListing>("/api/posts", query)).body;
}

/** The previous (older) and next (newer) post, from the RFC 8288 `Link` header of GET /api/posts/{slug}. */
export interface Neighbour {
  slug: string;
  title: string;
}

export async function getPost(slug: string): Promise<{ post: Post; prev?: Neighbour; next?: Neighbour }> {
  const { body, response } = await getJson<paths["/api/posts/{slug}"]["get"]["responses"][200]["content"]["application/json"]>(
    `/api/posts/${encodeURIComponent(slug)}`,
  );
  const links = parseLinks(response.headers.get("Link"));
  return { post: body, prev: links.prev, next: links.next };
}

export async function getTerm(kind: "tags" | "categories", slug: string): Promise<TermDetail> {
  return (await getJson<TermDetail>(`/api/${kind}/${encodeURIComponent(slug)}`)).body;
}

export async function listTags(): Promise<TermPage> {
  return (await getJson<TermPage>("/api/tags", { size: 100 })).body;
}

export function feedUrl(): string {
  return `${API}/feeds/rss.xml`;
}

function parseLinks(header: string | null): Record<string, Neighbour> {
  const links: Record<string, Neighbour> = {};
  if (!header) return links;
  // <https://host/api/posts/slug>; rel="prev"; title="A title", <...>; rel="next"
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[a-zA-Z*]+\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,]*))*)/g)) {
    const params: Record<string, string> = {};
    for (const p of match[2].matchAll(/;\s*([a-zA-Z*]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;,]*)/g)) {
      params[p[1].toLowerCase()] = p[2].startsWith('"') ? p[2].slice(1, -1).replace(/\\(.)/g, "$1") : p[2];
    }
    const slug = decodeURIComponent(new URL(match[1], API).pathname.split("/").pop() ?? "");
    for (const rel of (params.rel ?? "").split(/\s+/)) {
      if (rel) links[rel] = { slug, title: params.title ?? slug };
    }
  }
  return links;
}
