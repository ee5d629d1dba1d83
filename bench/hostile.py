"""The hostile inputs of issue 22, run through the command line one by one: each
case's exit code, wall-clock time and peak memory (the resident size of the
command and its worker processes together, sampled every 20 ms), and whether it
kept the floors (nothing written outside the output, no output target of another
kind replaced, a documented exit code other than 1, under 45 s and 2 GB).

    .venv/bin/python bench/hostile.py              # every case (a few minutes)
    .venv/bin/python bench/hostile.py -k svg fifo  # the cases whose names contain a word

This is a measuring script, not a test (the tests are tests/test_hostile*.py).
Cases marked [extractors] belong to the extractors' share of the issue, [content.py]
to the translation workflow's files: they are run and shown so that their state is
known, not counted against the floors here."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("briefdoc")
COMMAND = [str(BIN)]
LIMIT_S, LIMIT_MB = 45, 2048
TIMEOUT = 150  # a case still running after this is killed (and fails the floor)
DOCUMENTED = {0, 2, 3, 4, 130}

sys.path.insert(0, str(ROOT / "src"))


def brief_json(**article) -> str:
    """A small valid brief as JSON, its article fields overridden by ``article``."""
    from briefdoc.model.brief import Actor, Article, Brief, Event, KeyPoint, Quote
    from briefdoc.model.briefjson import dumps

    text = "Lavrov said on Tuesday that the talks would resume.\n“We are ready,” Lavrov said."
    fields = {"title": "Talks", "published": dt.date(2023, 2, 28), "text": text, **article}
    art = Article.model_construct(**{**Article(title="x", text="x").model_dump(), **fields})
    ready = text.index("We are ready")
    brief = Brief.model_construct(
        schema_version=1, article=art,
        key_points=[KeyPoint(start=0, end=text.index("\n"), text=text[:text.index("\n")])],
        actors=[Actor(id="lavrov", name="Sergey Lavrov", kind="person")],
        quotes=[Quote(start=ready, end=ready + 12, text="We are ready", speaker="lavrov", cue="said")],
        positions=[],
        timeline=[Event(start=text.index("Tuesday"), end=text.index("Tuesday") + 7, date="2023-02-28",
                        expression="Tuesday", event="the talks would resume",
                        event_start=text.index("the talks"), event_end=text.index("the talks") + 22)],
    )
    return dumps(brief)


def with_timeline_date(date: str) -> str:
    data = json.loads(brief_json())
    data["timeline"][0]["date"] = date
    return json.dumps(data)


def layout(root: Path, name: str, template: str, css: str = "body { margin: 0 }\n", toml: str | None = None) -> Path:
    folder = root / "layouts" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.toml").write_text(toml if toml is not None else f'name = "{name}"\n')
    (folder / "template.html.j2").write_text(template)
    (folder / "style.css").write_text(css)
    return root / "layouts"


SEED = "---\ntitle: Talks\npublished: 2023-02-28\n---\nLavrov said on Tuesday that the talks would resume.\n"
BODY = '{% extends "base.html.j2" %}{% block body %}BODY{% endblock %}'


class Case:
    def __init__(self, name, prepare, argv, check=None, extractors=False):
        self.name, self.prepare, self.argv, self.check, self.extractors = name, prepare, argv, check, extractors


CASES: list[Case] = []


def case(name, argv, check=None, extractors=False):
    def deco(prepare):
        CASES.append(Case(name, prepare, argv, check, extractors))
        return prepare
    return deco


# --- writes outside the output folder ------------------------------------------------------

@case("layout name with ..", lambda t: ["build", str(t / "seed.md"), "--layouts-dir", str(t / "layouts"), "--layouts", "../../escaped",
                                          "--locales", "en", "-o", str(t / "a" / "b" / "out"), "--jobs", "1"],
      lambda t: not list(t.rglob("escaped*")))
def _(t):
    (t / "seed.md").write_text(SEED)
    layout(t, "dots", BODY, toml='name = "../../escaped"\n')


@case("layout name absolute", lambda t: ["build", str(t / "seed.md"), "--layouts-dir", str(t / "layouts"), "--layouts", str(t / "abs" / "x"),
                                           "--locales", "en", "-o", str(t / "out"), "--jobs", "1"],
      lambda t: not (t / "abs").exists() or not list((t / "abs").iterdir()))
def _(t):
    (t / "seed.md").write_text(SEED)
    (t / "abs").mkdir()
    layout(t, "abs", BODY, toml=f'name = "{t / "abs" / "x"}"\n')


@case("seed named ...md", lambda t: ["build", str(t / "in" / "...md"), "--layouts", "memo", "--locales", "en", "-o", str(t / "o1" / "o2"), "--jobs", "1"],
      lambda t: not (t / "o1" / "memo.en.pdf").exists())
def _(t):
    (t / "in").mkdir()
    (t / "in" / "...md").write_text(SEED)


# --- output targets of another kind --------------------------------------------------------

@case("-o a character device", lambda t: ["render", str(t / "b.json"), "-l", "memo", "-o", str(t / "null")],
      lambda t: stat.S_ISCHR(os.lstat(t / "null").st_mode))
def _(t):
    (t / "b.json").write_text(brief_json())
    if os.geteuid() == 0:
        os.mknod(t / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    else:
        raise Skip("needs root to make a device node")


@case("-o a FIFO", lambda t: ["render", str(t / "b.json"), "-l", "memo", "-o", str(t / "fifo")],
      lambda t: stat.S_ISFIFO(os.lstat(t / "fifo").st_mode) and (t / "read").read_bytes().startswith(b"%PDF"))
def _(t):
    (t / "b.json").write_text(brief_json())
    os.mkfifo(t / "fifo")

    def reader():
        with open(t / "fifo", "rb") as fh, open(t / "read", "wb") as out:
            shutil.copyfileobj(fh, out)

    threading.Thread(target=reader, daemon=True).start()


@case("-o a symlink", lambda t: ["render", str(t / "b.json"), "-l", "memo", "-o", str(t / "link.pdf")],
      lambda t: os.path.islink(t / "link.pdf") and (t / "target").read_bytes() == b"keep")
def _(t):
    (t / "b.json").write_text(brief_json())
    (t / "target").write_bytes(b"keep")
    (t / "link.pdf").symlink_to(t / "target")


@case("build output is a symlink", lambda t: ["build", str(t / "s.md"), "--layouts", "memo", "--locales", "en", "-o", str(t / "out"), "--jobs", "1"],
      lambda t: os.path.islink(t / "out" / "s" / "memo.en.pdf") and (t / "target").read_bytes() == b"keep")
def _(t):
    (t / "s.md").write_text(SEED)
    (t / "out" / "s").mkdir(parents=True)
    (t / "target").write_bytes(b"keep")
    (t / "out" / "s" / "memo.en.pdf").symlink_to(t / "target")


# --- markup from metadata ----------------------------------------------------------------

EVIL_LANG = '"><img src=x onerror=alert(1)>'


def no_img(t):
    out = t / "o.html"
    return not out.exists() or "<img" not in out.read_text()


@case("front matter language", lambda t: ["render", str(t / "s.md"), "-l", "memo", "--locale", "fr", "--format", "html", "-o", str(t / "o.html")], no_img)
def _(t):
    (t / "s.md").write_text(SEED.replace("title: Talks", f"title: Talks\nlanguage: '{EVIL_LANG}'"))


@case("brief JSON language", lambda t: ["render", str(t / "b.json"), "-l", "memo", "--locale", "fr", "--format", "html", "-o", str(t / "o.html")], no_img)
def _(t):
    (t / "b.json").write_text(brief_json(language=EVIL_LANG))


def no_link(t):
    out = t / "o.html"
    return not out.exists() or ("javascript:" not in out.read_text() and "file:" not in out.read_text())


@case("brief JSON url javascript:", lambda t: ["render", str(t / "b.json"), "-l", "memo", "--format", "html", "-o", str(t / "o.html")], no_link)
def _(t):
    (t / "b.json").write_text(brief_json(url="javascript:alert(1)"))


@case("brief JSON url file:", lambda t: ["render", str(t / "b.json"), "-l", "brief", "--format", "html", "-o", str(t / "o.html")], no_link)
def _(t):
    (t / "b.json").write_text(brief_json(url="file:///etc/passwd"))


# --- runaway work ------------------------------------------------------------------------

def user_layout_case(name, template, css="body { margin: 0 }\n"):
    def prepare(t):
        (t / "b.json").write_text(brief_json())
        layout(t, "evil", template, css)
    CASES.append(Case(name, prepare, lambda t: ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "-o", str(t / "o.pdf")]))


user_layout_case("template nested range loops", BODY.replace("BODY", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"))
user_layout_case("template output flood", BODY.replace("BODY", "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}"))
user_layout_case("template % format width", BODY.replace("BODY", "{{ '%999999999s' % 'x' }}"))
user_layout_case("template |format width", BODY.replace("BODY", "{{ '%999999999d'|format(1) }}"))
user_layout_case("template str.format width", BODY.replace("BODY", "{{ '{:>999999999}'.format(1) }}"))
user_layout_case("template string repeat", BODY.replace("BODY", "{{ 'x' * 3000000000 }}"))
user_layout_case("template center filter", BODY.replace("BODY", "{{ 'x'|center(3000000000) }}"))
user_layout_case("template huge power", BODY.replace("BODY", "{{ 10 ** 10000000000 }}"))
user_layout_case("template macro recursion", BODY.replace("BODY", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"))
user_layout_case("stylesheet imports itself", BODY, css='@import "style.css";\nbody { margin: 0 }\n')


def _html_recursion(t):
    (t / "b.json").write_text(brief_json())
    layout(t, "evil", BODY.replace("BODY", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"))


CASES.append(Case("template macro recursion (--format html)", _html_recursion,
                  lambda t: ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "--format", "html", "-o", str(t / "o.html")]))


def _linked_loop(t):
    (t / "b.json").write_text(brief_json())
    folder = layout(t, "evil", BODY.replace("BODY", '<link rel="stylesheet" href="loop.css">BODY')) / "evil"
    (folder / "loop.css").write_text('@import "loop.css";\n@import "x/loop.css";\n@import "x/loop.css";\np { color: red }\n')
    (folder / "x").symlink_to(".")  # x/loop.css, x/x/loop.css...: a new URL at every step, twice over


CASES.append(Case("stylesheet import loop through a folder link", _linked_loop,
                  lambda t: ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "-o", str(t / "o.pdf")]))


# The reader alone (what `extract` does before extracting), under the same watch.
READ = [sys.executable, "-c", "import sys, briefdoc; a = briefdoc.read_article(sys.argv[1]); print(len(a.text))"]


def _build_evil(t):
    (t / "s.md").write_text(SEED)
    layout(t, "evil", BODY.replace("BODY", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"))


CASES.append(Case("build: template nested loops, 6 locales", _build_evil,
                  lambda t: ["build", str(t / "s.md"), "--layouts-dir", str(t / "layouts"), "--layouts", "evil", "-o", str(t / "out")]))


def _build_memory(t):
    (t / "s.md").write_text(SEED)
    layout(t, "evil", BODY.replace("BODY", "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"))


CASES.append(Case("build: template doubling a string, 6 locales", _build_memory,
                  lambda t: ["build", str(t / "s.md"), "--layouts-dir", str(t / "layouts"), "--layouts", "evil", "-o", str(t / "out")]))


def html_seed(name, make):
    def prepare(t):
        (t / "page.html").write_bytes(make())
    CASES.append(Case(name + " (read)", prepare, lambda t: ["@read", str(t / "page.html")]))
    CASES.append(Case("[extractors] " + name + " (extract)", prepare,
                      lambda t: ["extract", str(t / "page.html"), "-o", str(t / "b.json")], extractors=True))


html_seed("HTML many unclosed <article>", lambda: b"<html><body>" + b"<article><p>Lavrov said so.</p>" * 60000 + b"</body></html>")
html_seed("HTML deep SVG nesting", lambda: b"<html><body><p>Lavrov said on Tuesday that talks would resume.</p><svg>" + b"<g>" * 200000 + b"</g>" * 200000 + b"</svg></body></html>")
html_seed("HTML stray end tags in a skipped region", lambda: b"<html><body><p>Lavrov said on Tuesday that talks would resume.</p><svg>" + b"<g>" * 100000 + b"</p>" * 200000 + b"</svg></body></html>")
html_seed("HTML unclosed <article>, stray </main>", lambda: b"<html><body><p>Lavrov said so.</p>" + b"<article>" * 120000 + b"</main>" * 120000 + b"</body></html>")
html_seed("HTML huge entity-laden paragraph", lambda: b"<html><body><p>" + b"&amp;&lt;&gt;&nbsp;&eacute; " * 60000 + b"</p></body></html>")


@case("build of a 3 GB seed", lambda t: ["build", str(t / "big.md"), "--layouts", "memo", "--locales", "en", "-o", str(t / "out"), "--jobs", "1"])
def _(t):
    with open(t / "big.md", "wb") as fh:  # sparse: no disk used
        fh.write(b"---\ntitle: big\n---\n")
        fh.truncate(3 * 1024 ** 3)


@case("build: a 3 GB content catalog beside the seed", lambda t: ["build", str(t / "s.md"), "--layouts", "memo", "--locales", "fr", "-o", str(t / "out"), "--jobs", "1"])
def _(t):
    (t / "s.md").write_text(SEED)
    with open(t / "s.fr.po", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)


@case("[content.py] render: a 3 GB content catalog beside the brief", lambda t: ["render", str(t / "b.json"), "-l", "memo", "--locale", "fr", "-o", str(t / "o.pdf")],
      extractors=True)
def _(t):
    (t / "b.json").write_text(brief_json())
    with open(t / "b.fr.po", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)


@case("build: a content catalog linked to /proc/self/mem", lambda t: ["build", str(t / "s.md"), "--layouts", "memo", "--locales", "fr", "-o", str(t / "out"), "--jobs", "1"])
def _(t):
    (t / "s.md").write_text(SEED)
    (t / "s.fr.po").symlink_to("/proc/self/mem")


# --- internal errors on bad input --------------------------------------------------------

@case("timeline date 9999-W52", lambda t: ["render", str(t / "b.json"), "-l", "brief", "-o", str(t / "o.pdf")])
def _(t):
    (t / "b.json").write_text(with_timeline_date("9999-W52"))


@case("timeline date 9999-12", lambda t: ["render", str(t / "b.json"), "-l", "brief", "-o", str(t / "o.pdf")])
def _(t):
    (t / "b.json").write_text(with_timeline_date("9999-12"))


@case("published 9999-12-31", lambda t: ["render", str(t / "b.json"), "-l", "brief", "-o", str(t / "o.pdf")])
def _(t):
    data = json.loads(with_timeline_date("9999-12-31"))
    data["article"]["published"] = "9999-12-31"
    (t / "b.json").write_text(json.dumps(data))


@case("published 0001-01-01", lambda t: ["render", str(t / "b.json"), "-l", "brief", "-o", str(t / "o.pdf")])
def _(t):
    data = json.loads(with_timeline_date("0001-W01"))
    data["article"]["published"] = "0001-01-01"
    (t / "b.json").write_text(json.dumps(data))


@case("PO file with an unknown charset", lambda t: ["render", str(t / "b.json"), "-l", "memo", "--locale", "fr", "-o", str(t / "o.pdf")])
def _(t):
    (t / "b.json").write_text(brief_json())
    (t / "b.fr.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=klingon-8\\n"\n\nmsgctxt "title"\nmsgid "Talks"\nmsgstr "Pourparlers"\n')


@case("layout.toml not UTF-8", lambda t: ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "-o", str(t / "o.pdf")])
def _(t):
    (t / "b.json").write_text(brief_json())
    layout(t, "evil", BODY)
    (t / "layouts" / "evil" / "layout.toml").write_bytes(b'name = "evil"\ndescription = "caf\xe9"\n')


def proc_mem_case(which):
    def prepare(t):
        (t / "b.json").write_text(brief_json())
        folder = layout(t, "evil", BODY) / "evil"
        (folder / which).unlink()
        (folder / which).symlink_to("/proc/self/mem")
    cmd = "build" if which == "logo.png" else "render"

    def argv(t):
        if cmd == "build":
            (t / "s.md").write_text(SEED)
            return ["build", str(t / "s.md"), "--layouts-dir", str(t / "layouts"), "--layouts", "evil", "--locales", "en", "-o", str(t / "out"), "--jobs", "1"]
        return ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "-o", str(t / "o.pdf")]
    CASES.append(Case(f"layout {which} -> /proc/self/mem ({cmd})", prepare, argv))


for _which in ("layout.toml", "template.html.j2", "style.css"):
    proc_mem_case(_which)


def _logo(t):
    (t / "s.md").write_text(SEED)
    folder = layout(t, "evil", BODY) / "evil"
    (folder / "logo.png").symlink_to("/proc/self/mem")


CASES.append(Case("layout extra file -> /proc/self/mem (build)", _logo,
                  lambda t: ["build", str(t / "s.md"), "--layouts-dir", str(t / "layouts"), "--layouts", "evil", "--locales", "en", "-o", str(t / "out"), "--jobs", "1"]))


@case("layout template is a FIFO", lambda t: ["render", str(t / "b.json"), "--layouts-dir", str(t / "layouts"), "-l", "evil", "-o", str(t / "o.pdf")])
def _(t):
    (t / "b.json").write_text(brief_json())
    folder = layout(t, "evil", BODY) / "evil"
    (folder / "template.html.j2").unlink()
    os.mkfifo(folder / "template.html.j2")


# --- silent damage -----------------------------------------------------------------------

@case("UTF-8 seed with one stray byte", lambda t: ["extract", str(t / "s.md"), "-o", str(t / "b.json")],
      lambda t: "“We are ready,”" in json.loads((t / "b.json").read_text())["article"]["text"])
def _(t):
    (t / "s.md").write_bytes(("---\ntitle: Talks\npublished: 2023-02-28\n---\n"
                              "Lavrov said on Tuesday that the talks would resume.\n“We are ready,” Lavrov said.\n").encode() + b"Caf\xe9 au lait.\n")


# --- the extractors' share (issue 22; not part of this branch) ------------------------------------

@case("[extractors] published 9999-12-31 with 'tomorrow'", lambda t: ["extract", str(t / "s.md"), "-o", str(t / "b.json")], extractors=True)
def _(t):
    (t / "s.md").write_text("---\ntitle: T\npublished: 9999-12-31\n---\nLavrov said the talks would resume tomorrow, or on Tuesday.\n")


@case("[extractors] 3000 short reporting lines", lambda t: ["extract", str(t / "s.md"), "-o", str(t / "b.json")], extractors=True)
def _(t):
    (t / "s.md").write_text("---\ntitle: T\npublished: 2023-02-28\n---\n" + "".join(f"Smith {i} said so.\n" for i in range(3000)))


@case("[extractors] 200 KB without punctuation", lambda t: ["extract", str(t / "s.md"), "-o", str(t / "b.json")], extractors=True)
def _(t):
    (t / "s.md").write_text("---\ntitle: T\npublished: 2023-02-28\n---\n" + "Lavrov said the talks would resume " * 6000 + "\n")


class Skip(Exception):
    pass


def run(c: Case, tmp: Path) -> dict:
    t = tmp / "case"
    t.mkdir()
    try:
        c.prepare(t)
    except Skip as exc:
        return {"name": c.name, "skipped": str(exc)}
    before = snapshot(tmp)
    argv = c.argv(t)
    argv = [*READ, *argv[1:]] if argv[0] == "@read" else [*COMMAND, *argv]
    started = time.perf_counter()
    # A session of its own: at the time limit the command and every worker it started are killed together.
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=t, start_new_session=True)
    peak = 0
    killed = False
    ps = psutil.Process(proc.pid)
    out_err = [b"", b""]

    def drain():
        out_err[:] = proc.communicate()

    th = threading.Thread(target=drain, daemon=True)
    th.start()
    while th.is_alive():
        peak = max(peak, tree_memory(ps))
        if not killed and time.perf_counter() - started > TIMEOUT:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            killed = True
        th.join(0.02)
    seconds = time.perf_counter() - started
    stderr = out_err[1].decode("utf-8", "replace").strip().splitlines()
    after = snapshot(tmp)
    outside = sorted(p for p in after if p not in before and not p.startswith("case/"))
    try:
        kept = c.check(t) if c.check else True
    except OSError:
        kept = False
    partial = [p for p in after if p.endswith(".part")]
    return {"name": c.name, "code": None if killed else proc.returncode, "seconds": seconds, "mb": peak / 2 ** 20,
            "stderr": stderr[-1] if stderr else "", "lines": len(stderr), "outside": outside, "kept": kept, "partial": partial,
            "extractors": c.extractors}


def tree_memory(ps: psutil.Process) -> int:
    """The memory a process and its children use together: the sum of their
    proportional set sizes (a page shared by n processes, as a forked worker shares
    its parent's, counts 1/n in each), or of their resident sizes when PSS is unknown."""
    total = 0
    try:
        procs = [ps, *ps.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            if len(procs) == 1:
                total += p.memory_info().rss
            else:
                info = p.memory_full_info()
                total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total


def snapshot(root: Path) -> set[str]:
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            found.add(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-k", nargs="*", default=[], help="only the cases whose names contain one of these words")
    ap.add_argument("--src", type=Path, help="run the briefdoc package in this src folder (python -m briefdoc), e.g. an older checkout's")
    args = ap.parse_args()
    if args.src:
        COMMAND[:] = [sys.executable, "-m", "briefdoc"]
        os.environ["PYTHONPATH"] = str(args.src.resolve())
    failed = 0
    print(f"{'case':<48} {'exit':>4} {'s':>6} {'MB':>6}  floors  stderr")
    for c in CASES:
        if args.k and not any(k.lower() in c.name.lower() for k in args.k):
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            r = run(c, Path(os.path.realpath(tmp)))
            # a deep tree of .. would escape the temporary folder: look one level up too
        if "skipped" in r:
            print(f"{c.name:<48} skipped: {r['skipped']}")
            continue
        problems = []
        if r["code"] not in DOCUMENTED:
            problems.append(f"exit {r['code']}")
        if r["seconds"] > LIMIT_S:
            problems.append("time")
        if r["mb"] > LIMIT_MB:
            problems.append("memory")
        if r["outside"]:
            problems.append(f"wrote {r['outside'][:3]}")
        if not r["kept"]:
            problems.append("damage")
        if r["partial"]:
            problems.append("half-written")
        if r["code"] not in (0, 4, None) and r["lines"] != 1:  # a build's summary names each failure
            problems.append(f"{r['lines']} stderr lines")
        if problems and not r["extractors"]:
            failed += 1
        verdict = "ok" if not problems else ", ".join(problems)
        print(f"{c.name:<48} {str(r['code']):>4} {r['seconds']:6.1f} {r['mb']:6.0f}  {verdict:<7} {r['stderr'][:150]}", flush=True)
    print(f"{failed} case(s) below the floors (the [extractors] and [content.py] cases not counted)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
