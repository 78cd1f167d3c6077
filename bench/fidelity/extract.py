#!/usr/bin/env python3
"""Copies a small slice of a real blog (a git clone) into src/test/resources/sites/real/<name>/.

Usage: extract.py <git-dir> <commit> <dest> <max-posts> <config-path>... -- <content-prefix>...
Files under each content prefix are taken in path order until max-posts Markdown posts (bundles count once, with their
files). Images over 16 KB are replaced by a tiny stand-in of the same name and type (the body keeps its reference).
"""
import base64, subprocess, sys, os

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
JPG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////"
    "wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
STAND_INS = {".png": PNG, ".gif": GIF, ".jpg": JPG, ".jpeg": JPG, ".svg": SVG, ".webp": PNG}

def git(gitdir, *args):
    return subprocess.run(["git", "-C", gitdir, *args], check=True, capture_output=True).stdout

def main():
    gitdir, commit, dest, max_posts = sys.argv[1:5]
    rest = sys.argv[5:]
    split = rest.index("--")
    configs, prefixes = rest[:split], rest[split + 1:]
    paths = git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
    chosen = list(configs)
    for prefix in prefixes:
        under = [p for p in paths if p.startswith(prefix)]
        posts, bundles = 0, set()
        for p in under:
            name = os.path.basename(p)
            if name.startswith("_index."):
                chosen.append(p)
                continue
            if not (p.endswith(".md") or p.endswith(".markdown") or p.endswith(".html")):
                continue
            if name.startswith("index."):
                bundles.add(os.path.dirname(p) + "/")
            if posts < int(max_posts):
                chosen.append(p)
                posts += 1
            elif name.startswith("index."):
                bundles.discard(os.path.dirname(p) + "/")
        chosen += [p for p in under if any(p.startswith(b) for b in bundles) and p not in chosen
                   and not os.path.basename(p).startswith("index.")]
    for p in chosen:
        try:
            data = git(gitdir, "show", f"{commit}:{p}")
        except subprocess.CalledProcessError:  # a blob the clone lacks (large files): skipped
            print(f"skipped {p}", file=sys.stderr)
            continue
        ext = os.path.splitext(p)[1].lower()
        if ext in STAND_INS and len(data) > 16384:
            data = STAND_INS[ext]
        out = os.path.join(dest, p)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(data)
    print(f"{dest}: {len(chosen)} files")

main()
