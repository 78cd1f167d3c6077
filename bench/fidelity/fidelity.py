#!/usr/bin/python3
"""Compares what Slugline serves for an imported site with what Hugo renders for the same files.

  fidelity.py hugo <site-dir> <work-dir>      builds a theme-less copy with Hugo; writes <work-dir>/hugo.json
  fidelity.py zip <site-dir> <zip>            zips the site as a user would upload it
  fidelity.py touched-zip <site-dir> <zip>    the same with a line break added to every post (a warm-up import)
  fidelity.py hugo-time <work-dir> [runs]     median seconds of Hugo building the copy made by "hugo" (3 runs)
  fidelity.py compare <name> <work-dir> <report.json> <base-url> <user> <password>
                                              reads every post back and prints one table row (and the failures)

Standard library only. A Jekyll site (_config.yml and _posts/) is built by Hugo too, as content/posts with dates
from the file names: the reference is Hugo's rendering of the same Markdown, not Jekyll's.
"""
import base64, difflib, html.parser, json, os, re, shutil, subprocess, sys, urllib.error, urllib.parse, \
    urllib.request, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HUGO_BUILTIN = {"figure", "youtube", "vimeo", "gist", "x", "tweet", "twitter", "instagram", "highlight", "details",
                "param", "ref", "relref", "comment", "qr", "twitter_simple", "vimeo_simple"}
HUGO_CONFIGS = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json", "config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/config.toml",
                "config/_default/config.yaml"]
SHORTCODE = re.compile(r"\{\{[<%]\s*(/?)\s*([A-Za-z0-9_./-]+)")
MARKUP_AS_TEXT = ["{{<", "{{%", "[^", "<div", "<a href", "<table", "<img", "<iframe", "<!--", "</"]


# ---- Hugo ---------------------------------------------------------------------------------------------------------

def is_jekyll(site):
    return os.path.isdir(os.path.join(site, "_posts"))


def hugo(site, work):
    site, work = os.path.abspath(site), os.path.abspath(work)
    copy = os.path.join(work, "site")
    shutil.rmtree(copy, ignore_errors=True)
    if is_jekyll(site):
        shutil.copytree(os.path.join(site, "_posts"), os.path.join(copy, "content", "posts"))
        with open(os.path.join(copy, "hugo.toml"), "w") as f:
            f.write('title = "jekyll"\n[frontmatter]\ndate = [":default", ":filename"]\n'
                    '[markup.goldmark.renderer]\nunsafe = true\n')
        configs = ["hugo.toml"]
    else:
        shutil.copytree(site, copy)
        configs = [c for c in HUGO_CONFIGS if os.path.isfile(os.path.join(copy, c))]
        content_config(copy, configs)
        configs = ["hugo.json"]
    shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(copy, "layouts"), dirs_exist_ok=True)
    stub_shortcodes(copy)
    override = os.path.join(copy, "fidelity-override.toml")
    shutil.copy(os.path.join(HERE, "hugo-override.toml"), override)
    public = os.path.join(work, "public")
    shutil.rmtree(public, ignore_errors=True)
    cmd = ["hugo", "--quiet", "-D", "-F", "-E", "--source", copy, "--destination", public,
           "--config", ",".join(["fidelity-override.toml"] + configs)]
    for _ in range(8):  # a theme or module the copy lacks becomes an empty folder: the layouts are ours
        run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=copy)
        missing = re.search(r'module "([^"]+)" not found', run.stderr)
        if run.returncode == 0 or not missing:
            break
        os.makedirs(os.path.join(copy, "themes", missing.group(1)), exist_ok=True)
    if run.returncode != 0:
        sys.exit(f"hugo failed for {site}:\n{run.stderr}")
    with open(os.path.join(public, "index.json")) as f:
        pages = json.load(f)
    if is_jekyll(site):  # back to the paths of the archive; Jekyll reads category: as a category
        for page in pages:
            page["path"] = "_" + page["path"]
            if not page["categories"] and page.get("category"):
                page["categories"] = [page["category"]]
    with open(os.path.join(work, "hugo.json"), "w") as f:
        json.dump(pages, f)
    print(f"hugo: {len(pages)} pages from {site}", file=sys.stderr)


KEEP = {"baseurl", "title", "languagecode", "defaultcontentlanguage", "defaultcontentlanguageinsubdir", "contentdir",
        "languages", "permalinks", "markup", "frontmatter", "taxonomies", "summarylength", "hascjklanguage", "params",
        "uglyurls", "canonifyurls", "relativeurls", "pluralizelisttitles", "removepathaccents", "disablepathtolower"}


def content_config(copy, configs):
    """The site's own settings that shape content (permalinks, markup, front matter dates, taxonomies, languages,
    params), without its theme, modules and output formats, as hugo.json; the originals are removed from the copy."""
    merged = {}
    for name in reversed(configs):  # the first file found wins, as with Hugo's own lookup
        path = os.path.join(copy, name)
        with open(path, "rb") as f:
            if name.endswith(".toml"):
                import tomllib
                data = tomllib.load(f)
            elif name.endswith(".json"):
                data = json.load(f)
            else:
                import yaml  # Debian's python3-yaml
                data = yaml.safe_load(f)
        merged.update(data or {})
        os.remove(path)
    shutil.rmtree(os.path.join(copy, "config"), ignore_errors=True)
    kept = {k: v for k, v in merged.items() if k.lower() in KEEP}
    for lang in (kept.get("languages") or {}).values():
        if isinstance(lang, dict):
            for key in [k for k in lang if k.lower() in ("menu", "menus", "params")]:
                del lang[key]
    with open(os.path.join(copy, "hugo.json"), "w") as f:
        json.dump(kept, f, default=str)


def stub_shortcodes(copy):
    """A theme's shortcodes (note, alert, ...) are not in a theme-less copy: each gets a stub that renders its inner
    content, which is what the issue asks Slugline to do with shortcodes it does not know."""
    names, paired = set(), set()
    for root, _, files in os.walk(os.path.join(copy, "content")):
        for name in files:
            if name.endswith((".md", ".markdown", ".html")):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    for m in SHORTCODE.finditer(f.read()):
                        names.add(m.group(2))
                        if m.group(1):
                            paired.add(m.group(2))
    folder = os.path.join(copy, "layouts", "shortcodes")
    os.makedirs(folder, exist_ok=True)
    for name in names - HUGO_BUILTIN:
        path = os.path.join(folder, name + ".html")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("{{ .Inner }}" if name in paired else "")


# ---- archive -------------------------------------------------------------------------------------------------------

def make_zip(site, target, touched=False):
    """The site as a user uploads it; touched adds a line break to every post, so that a second import of the
    untouched archive updates every post instead of finding it unchanged (a warm-up that does the same work)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(site):
            for name in sorted(files):
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    data = f.read()
                if touched and name.endswith((".md", ".markdown")):
                    data += b"\n"
                z.writestr(os.path.relpath(path, site), data)


def touched_zip(site, target):
    make_zip(site, target, touched=True)


def hugo_time(work, runs="3"):
    """Median wall time and median CPU time (user + system, s) of Hugo building the copy that hugo() prepared."""
    work = os.path.abspath(work)
    copy, public = os.path.join(work, "site"), os.path.join(work, "public")
    cmd = ["hugo", "--quiet", "-D", "-F", "-E", "--source", copy, "--destination", public,
           "--config", "fidelity-override.toml,hugo.json" if os.path.exists(os.path.join(copy, "hugo.json"))
           else "fidelity-override.toml,hugo.toml"]
    import resource, time
    times, cpus = [], []
    for _ in range(int(runs)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=copy)
        times.append(time.monotonic() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print("%.3f %.3f" % (sorted(times)[len(times) // 2], sorted(cpus)[len(cpus) // 2]))


# ---- comparison ----------------------------------------------------------------------------------------------------

class Text(html.parser.HTMLParser):
    """The text a reader sees, and every text node (to find markup shown as text)."""
    SKIP = {"script", "style", "template"}
    CODE = {"code", "pre", "kbd", "samp"}  # markup inside code is meant to be read as text

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.nodes, self.skip, self.code = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in self.SKIP
        self.code += tag in self.CODE

    def handle_endtag(self, tag):
        self.skip -= tag in self.SKIP and self.skip > 0
        self.code -= tag in self.CODE and self.code > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if not self.code:
                self.nodes.append(data)


def parse(fragment):
    t = Text()
    t.feed(fragment or "")
    t.close()
    return t


TYPO = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                      "–": "-", "—": "-", "‐": "-", "−": "-", "…": "...", "\u00a0": " ", "\u200b": ""})


def words(fragment):
    text = " ".join(parse(fragment).parts).translate(TYPO).replace("&hellip;", "...")
    return re.findall(r"\w+|[^\w\s]", text)


def similarity(a, b):
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def markup_as_text(fragment):
    """Markers of markup that reached the reader as text (a text node, or the plain text of a summary)."""
    found = set()
    for node in parse(fragment).nodes:
        for marker in MARKUP_AS_TEXT:
            if marker in node:
                found.add(marker)
    return found


def terms(values):
    if isinstance(values, str):
        values = [values]
    return sorted(str(v).strip().lower() for v in values or [])


def get(base, path, user, password):
    req = urllib.request.Request(base + path, headers={
        "Accept": "application/json",
        "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception as e:  # a hang or a closed connection is a failure of its own
        return type(e).__name__, None


def compare(name, work, report_file, base, user, password):
    with open(os.path.join(work, "hugo.json")) as f:
        pages = json.load(f)
    with open(report_file) as f:
        report = json.load(f)
    files = [r for r in report.get("files", []) if r.get("kind") == "post" or r.get("status") == "failed"]
    rows = {"hugo": len(pages), "imported": 0, "readable": 0, "meta": 0, "similar": 0, "markup": 0}
    failures = []
    for page in pages:
        suffix = "/" + page["path"].replace("\\", "/")
        entry = next((r for r in files if ("/" + r["path"]).endswith(suffix)), None)
        where = page["path"]
        if entry is None or entry.get("status") in ("failed", "conflict", "skipped"):
            reason = "not in the report" if entry is None else f"{entry['status']}: {entry.get('field') or ''} {entry.get('reason') or ''}"
            failures.append((where, "not imported", reason.strip()))
            continue
        rows["imported"] += 1
        slug = entry["slug"]
        status, post = get(base, "/api/posts/" + urllib.parse.quote(slug, safe=""), user, password)
        if status != 200:
            failures.append((where, "not readable", f"GET /api/posts/{slug}: {status}"))
            continue
        rows["readable"] += 1
        problems = []
        if " ".join(post["title"].split()) != " ".join(page["title"].split()):  # as a reader sees it in HTML
            problems.append(f"title {post['title']!r} != {page['title']!r}")
        if page["hasDate"] and (post.get("publishedAt") or "")[:19] + offset(post.get("publishedAt")) != page["date"][:19] + offset(page["date"]):
            problems.append(f"date {post.get('publishedAt')} != {page['date']}")
        if terms(t["name"] for t in post.get("tags") or []) != terms(page["tags"]):
            problems.append(f"tags {[t['name'] for t in post.get('tags') or []]} != {page['tags']}")
        if terms(t["name"] for t in post.get("categories") or []) != terms(page["categories"]):
            problems.append(f"categories {[t['name'] for t in post.get('categories') or []]} != {page['categories']}")
        if (post.get("status") == "draft") != bool(page["draft"]):
            problems.append(f"status {post.get('status')} but Hugo draft={page['draft']}")
        if problems:
            failures.append((where, "metadata", "; ".join(problems)))
        else:
            rows["meta"] += 1
        ratio = similarity(page["content"], post.get("html"))
        if ratio >= 0.9:
            rows["similar"] += 1
        else:
            failures.append((where, "body", f"similarity {ratio:.2f}"))
        shown = markup_as_text(post.get("html")) | {m for m in MARKUP_AS_TEXT if m in (post.get("summary") or "")}
        if shown:
            rows["markup"] += 1
            failures.append((where, "markup as text", " ".join(sorted(shown))))
    pct = 100.0 * rows["similar"] / rows["readable"] if rows["readable"] else 0.0
    print(f"| {name} | {rows['hugo']} | {rows['imported']} | {rows['readable']} | {rows['meta']} | "
          f"{rows['similar']} ({pct:.0f}%) | {rows['markup']} |")
    with open(os.path.join(work, "failures.txt"), "w") as f:
        for where, kind, detail in failures:
            f.write(f"{name}\t{kind}\t{where}\t{detail}\n")


def offset(stamp):
    if not stamp:
        return ""
    m = re.search(r"(Z|[+-]\d\d:?\d\d)$", stamp)
    if not m:
        return ""
    return "+00:00" if m.group(1) == "Z" else m.group(1)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"hugo": hugo, "zip": make_zip, "touched-zip": touched_zip, "hugo-time": hugo_time, "compare": compare}[cmd](*args)
