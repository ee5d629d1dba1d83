"""Reading seeds: encodings, binary refusal, front matter, HTML to text, limits.

In-process and fast; the same cases through the CLI are in test_cli.py."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from briefdoc.read.article import MAX_BYTES, decode, parse, read_article
from briefdoc.model.errors import InputError
from briefdoc.read.htmltext import html_to_text

RU = (
    "Министр иностранных дел России Сергей Лавров заявил во вторник, что на Лачинском коридоре "
    "не будет контрольно-пропускных пунктов. Он подчеркнул, что движение по коридору должно "
    "регулироваться в строгом соответствии с соглашением от 9 ноября 2020 года, которое передало "
    "дорогу под контроль российских миротворцев."
)
FR = (
    "Le ministre a déclaré mardi que les négociations reprendraient à Genève après l'été ; "
    "« nous sommes prêts », a-t-il ajouté. Ça évolue, même très lentement, côté français."
)
DE = "Der Außenminister äußerte sich über die Lage. Grüße aus München!"


# --- encodings -------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, encoding",
    [
        (RU, "cp1251"),
        (RU, "koi8_r"),
        (FR, "latin-1"),
        (FR + " “Quoted” – dash…", "cp1252"),
        (DE, "latin-1"),
        ("Москва", "cp1251"),  # short: easy to misdetect (charset-normalizer says CJK)
        ("Лавров заявил.", "cp1251"),
        ("naïve résumé", "latin-1"),  # short: charset-normalizer says Arabic
        ("Café au lait, s'il vous plaît.", "latin-1"),
        ("Le ministre a déclaré mardi que les négociations reprendraient à Genève après l'été.", "latin-1"),  # ties with cp1250
        ("Ministr zahraničí řekl, že jednání budou pokračovat příští měsíc. Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Minister spraw zagranicznych powiedział, że rozmowy zostaną wznowione w przyszłym miesiącu. Zażółć gęślą jaźń.", "cp1250"),
    ],
)
def test_legacy_encodings_decode_to_the_right_text(text, encoding):
    assert decode(text.encode(encoding)) == text


def test_utf8_with_and_without_bom():
    assert decode(RU.encode("utf-8")) == RU
    assert decode(b"\xef\xbb\xbf" + RU.encode("utf-8")) == RU


def test_utf16_with_bom():
    assert decode(RU.encode("utf-16")) == RU


@pytest.mark.parametrize(
    "data, says",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"hello\x00world" * 10, "binary"),
    ],
)
def test_binary_is_refused_and_named(data, says):
    with pytest.raises(InputError, match=says):
        decode(data, "x.md")


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused(seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))  # no NUL: the hard case
    with pytest.raises(InputError, match="binary"):
        decode(data, "x.md")
    high = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(InputError, match="binary"):
        decode(high, "x.md")


# --- parse: front matter, newlines, HTML ----------------------------------------

def test_crlf_and_cr_become_newlines():
    a = parse("---\r\ntitle: T\r\npublished: 2023-02-28\r\n---\r\nOne.\r\nTwo.\rThree.\r\n")
    assert a.text == "One.\nTwo.\nThree."
    assert a.title == "T"
    assert a.published == dt.date(2023, 2, 28)


def test_bom_in_text_is_dropped():
    a = parse("\ufeff---\ntitle: T\n---\nBody \ufefftext.")
    assert a.title == "T" and a.text == "Body text."


def test_control_characters_are_dropped_tabs_kept():
    a = parse("A\x01B\x1b[31mC\tD\x7f\x0bE\fF")
    assert a.text == "AB[31mC\tDE\nF"


@pytest.mark.parametrize(
    "front, message",
    [
        ("title: [unclosed\npublished: 2023-02-28", r"x\.md: line \d+: the front matter is not valid YAML"),
        ("title: a: b: c", "not valid YAML"),
        ("published: 2023-02-30", r"published: '2023-02-30' is not a real date; write it as YYYY-MM-DD"),
        ("published: 2023-13-01", "is not a real date"),
        ("published: next tuesday", "is not a real date"),
        ("- a list\n- not a mapping", "must be a YAML mapping"),
        ("title: {nested: map}", "title: must be a single value"),
        ("url: file:///etc/passwd", "url: 'file:///etc/passwd' is not an http"),
        ("url: javascript:alert(1)", "not an http"),
        ("title: !!python/object/apply:os.system ['echo pwned']", "not valid YAML"),
    ],
)
def test_bad_front_matter_is_one_clear_error(front, message):
    with pytest.raises(InputError, match=message) as err:
        parse(f"---\n{front}\n---\nThe article's text.\n", "x.md")
    assert "\n" not in str(err.value)


def test_yaml_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" \
           "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: &t [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    with pytest.raises(InputError, match="title: must be a single value"):
        parse(f"---\n{bomb}---\nText.\n", "x.md")


def test_dates_in_front_matter_stay_dates():
    a = parse("---\npublished: 2023-02-28T10:30:00Z\nurl: https://example.org/a?b=c\n---\nText.")
    assert a.published == dt.date(2023, 2, 28)
    assert a.url == "https://example.org/a?b=c"


def test_html_article_drops_script_style_iframe():
    page = """<!doctype html><html><head><title>The &amp; title</title>
    <script>document.title = "HACKED"; fetch("http://evil.invalid/")</script>
    <style>p { background: url(http://evil.invalid/x.png) }</style>
    <link rel="stylesheet" href="http://evil.invalid/a.css">
    <body><article><p>First paragraph with <b>bold</b> and &lt;tags&gt; as text.</p>
    <iframe src="file:///etc/passwd">iframe fallback</iframe>
    <p>Second <img src="file:///etc/passwd"> paragraph. <embed src="x.swf"> Still here.</p>
    <noscript>enable JS</noscript><svg><text>svg text</text></svg>
    <p>Third {{ 7*7 }} @import url(http://evil.invalid/x.css);</p></article></body></html>"""
    a = parse(page)
    assert a.title == "The & title"
    assert a.text == (
        "First paragraph with bold and <tags> as text.\n"
        "Second paragraph. Still here.\n"
        "Third {{ 7*7 }} @import url(http://evil.invalid/x.css);"
    )


def test_html_unclosed_head_does_not_swallow_the_body():
    title, text = html_to_text("<html><head><title>T</title><meta charset=utf-8><body><p>Body text.</p>")
    assert (title, text) == ("T", "Body text.")


def test_html_with_only_scripts_has_no_text():
    with pytest.raises(InputError, match="has no text"):
        parse("<html><body><script>alert(1)</script></body></html>", "x.html")


def test_plain_text_with_tags_stays_plain_text():
    raw = "He wrote <img src='file:///etc/passwd'> and {{ 7*7 }} in the chat."
    assert parse(raw).text == raw


# --- read_article: files ------------------------------------------------------------

def test_read_article_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.md")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)
    (tmp_path / "empty.md").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_article(tmp_path / "empty.md")
    (tmp_path / "ws.md").write_bytes(b" \n\t\r\n  ")
    with pytest.raises(InputError, match="only whitespace"):
        read_article(tmp_path / "ws.md")
    (tmp_path / "bom-only.md").write_bytes(b"\xef\xbb\xbf\n")
    with pytest.raises(InputError, match="no text"):
        read_article(tmp_path / "bom-only.md")


def test_read_article_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes((b"A sentence of a very long article. " * 150_000)[: 5_000_000])
    with pytest.raises(InputError, match=r"5\.0 MB is over the 2 MB limit for one article; split it or trim it"):
        read_article(big)
    assert MAX_BYTES == 2_000_000


def test_read_article_from_a_device_is_bounded():
    with pytest.raises(InputError, match="over the 2 MB limit"):
        read_article("/dev/zero")


def test_read_article_cp1251_file(tmp_path):
    seed = tmp_path / "ru.md"
    seed.write_bytes(f"---\ntitle: Лавров\npublished: 2023-02-28\nlanguage: ru\n---\n{RU}\n".encode("cp1251"))
    a = read_article(seed)
    assert a.title == "Лавров" and a.text == RU and a.language == "ru"


@pytest.mark.parametrize("head,date", [
    ("Published: February 28, 2023", dt.date(2023, 2, 28)),
    ("First published on Tue 28 Feb 2023 09.15 GMT", dt.date(2023, 2, 28)),
    ("By Jane Roe | 28.02.2023 15:30", dt.date(2023, 2, 28)),
    ("By Jane Roe, Reuters\nFeb 28, 2023, 10:42 AM ET", dt.date(2023, 2, 28)),
    ("Updated 28 Feb 2023 · 3 min read", dt.date(2023, 2, 28)),
    ("YEREVAN, Feb. 28, 2023 (Reuters) - Armenia said on Tuesday that talks would resume.", dt.date(2023, 2, 28)),
    # not a statement of the publication date
    ("03/04/2023", None),  # day or month first?
    ("YEREVAN, March 3 (Reuters) - Armenia said on Friday that talks would resume.", None),  # no year
    ("On 28 February 2023 the talks failed in Brussels.", None),  # a sentence, not a date line
    ("February 2023", None),  # not a day
])
def test_a_date_line_at_the_head_of_the_text_is_the_publication_date(head, date):
    article = parse(f"Talks stall again\n\n{head}\n\nThe talks stalled on Tuesday, officials said.\n")
    assert article.published == date


def test_front_matter_date_wins_over_a_date_line_and_later_lines_are_not_read():
    text = "---\ndate: 2023-03-01\n---\nTalks stall\n\nPublished: February 28, 2023\n\nThe talks stalled.\n"
    assert parse(text).published == dt.date(2023, 3, 1)
    body = "Talks stall\n\n" + "".join(f"Paragraph {i} has words.\n\n" for i in range(8)) + "Published: February 28, 2023\n"
    assert parse(body).published is None


_PAGE = """<!DOCTYPE html><html><head><title>Leaders meet in Brussels | World News</title>
<meta property="og:title" content="Leaders meet in Brussels">{meta}</head><body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<article><h1>Leaders meet in Brussels</h1><p class="byline">By Jane Roe</p>
<div class="share-bar">Share on Facebook</div>
<figure><img src="x.jpg"><figcaption>The two leaders in Brussels. Photo: Agency</figcaption></figure>
<p>The two leaders met in Brussels on Sunday for talks hosted by the European Council president.</p>
<div class="ad-slot"><div>Advertisement</div></div>
<p>"We had a frank exchange," the president said after the meeting, which lasted four hours.</p>
<aside><h3>Read more</h3><p>Border clash kills two soldiers</p></aside>
<p>The next round of talks is expected in June, diplomats said.</p></article>
<article><p>Teaser: another story.</p></article>
<footer>All rights reserved.</footer></body></html>"""


def test_html_page_keeps_the_article_and_drops_page_furniture():
    article = parse(_PAGE.format(meta=""), "page.html")
    assert article.title == "Leaders meet in Brussels"
    lines = article.text.split("\n")
    assert lines[0] == "Leaders meet in Brussels"
    assert "The next round of talks is expected in June, diplomats said." in lines
    for junk in ("Home", "Share on Facebook", "Photo: Agency", "Advertisement", "Read more", "Border clash",
                 "Teaser", "All rights reserved"):
        assert junk not in article.text, junk
    assert article.published is None


@pytest.mark.parametrize("meta,date", [
    ('<meta property="article:published_time" content="2023-05-14T18:02:00Z">', dt.date(2023, 5, 14)),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-05-13T08:00:00+04:00"}</script>',
     dt.date(2023, 5, 13)),
    ('<meta name="date" content="not a date">', None),
])
def test_html_page_date_from_its_metadata(meta, date):
    assert parse(_PAGE.format(meta=meta), "page.html").published == date


def test_html_page_without_article_element_reads_the_body_and_its_time_element():
    page = ("<html><head><title>Quota cut | Paper</title></head><body><h1>Quota cut</h1>"
            '<time datetime="2023-03-02">2 March 2023</time><p>The quota was cut by a fifth.</p></body></html>')
    article = parse(page, "page.html")
    assert article.title == "Quota cut"
    assert article.published == dt.date(2023, 3, 2)
    assert "The quota was cut by a fifth." in article.text
