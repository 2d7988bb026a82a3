#!/usr/bin/env python3
"""Writes a generated static site for bench/frontend, the same for the same seed.

  site.py generate DIR [--files 2000] [--seed 14]   a site: HTML pages, fingerprinted JS and CSS, images
  site.py change DIR TAG                             edits three files (two pages, one script) in place

Sizes follow what a built site has: pages of a few KB, scripts and styles from 1 KB to a few hundred,
images that do not compress. Fingerprinted names (app.3f2a9c1b.js) get long cache lifetimes in Liftoff.
"""
import hashlib
import os
import random
import sys

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi").split()


def text(rng, size):
    out, length = [], 0
    while length < size:
        word = rng.choice(WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def fingerprinted(folder, stem, ext, body):
    name = f"{stem}.{hashlib.sha256(body).hexdigest()[:8]}.{ext}"
    return os.path.join(folder, name), body


def generate(root, files, seed):
    rng = random.Random(seed)
    counts = {"html": files * 55 // 100, "js": files * 15 // 100, "css": files * 5 // 100}
    counts["img"] = files - sum(counts.values())
    written = []
    for i in range(counts["js"]):
        size = int(min(400_000, rng.lognormvariate(9, 1.2)))
        body = f"/* chunk {i} */\n(function(){{var s='{text(rng, size)}';window.c{i}=s.length;}})();\n".encode()
        written.append(fingerprinted("assets", f"chunk-{i}", "js", body))
    for i in range(counts["css"]):
        body = "".join(f".c{i}-{j}{{margin:{j}px;padding:{j % 7}px;color:#{rng.randrange(1 << 24):06x}}}\n"
                       for j in range(int(rng.lognormvariate(5, 1)))).encode()
        written.append(fingerprinted("assets", f"style-{i}", "css", body))
    for i in range(counts["img"]):
        ext = rng.choice(["png", "jpg", "webp"])
        written.append((os.path.join("img", f"photo-{i}.{ext}"), rng.randbytes(int(min(300_000, rng.lognormvariate(9.5, 1))))))
    scripts = [p for p, _ in written if p.endswith(".js")][:3]
    for i in range(counts["html"]):
        folder = os.path.join("docs", f"section-{i % 20}") if i else ""
        name = "index.html" if i == 0 else f"page-{i}.html"
        links = "".join(f'<script src="/{s}"></script>' for s in scripts)
        body = (f"<!doctype html><html><head><title>Page {i}</title>{links}</head><body>"
                f"<p>{text(rng, int(rng.lognormvariate(8.5, 0.7)))}</p></body></html>\n").encode()
        written.append((os.path.join(folder, name), body))
    for path, body in written:
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(body)
    print(f"{len(written)} files, {sum(len(b) for _, b in written) / 1e6:.1f} MB in {root}")


def change(root, tag):
    # Two pages and one script that keeps its name (a fingerprint would rename it: a new file, not a change).
    pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))[:2]
    script = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "assets")) for f in fs if f.endswith(".js"))[0]
    for path in pages + [script]:
        with open(path, "ab") as f:
            f.write(f"\n<!-- {tag} -->\n".encode() if path.endswith(".html") else f"\n/* {tag} */\n".encode())
        print(os.path.relpath(path, root))


if __name__ == "__main__":
    command, folder = sys.argv[1], sys.argv[2]
    if command == "generate":
        options = dict(zip(sys.argv[3::2], sys.argv[4::2]))
        generate(folder, int(options.get("--files", 2000)), int(options.get("--seed", 14)))
    elif command == "change":
        change(folder, sys.argv[3])
    else:
        sys.exit(__doc__)
