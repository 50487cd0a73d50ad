#!/usr/bin/env python3
"""Writes the benchmark projects: the same booklet for jan20-pdf and for Typst.

Each case is a directory (bench/work/<case>/ by default, git-ignored) holding
  jan20.toml, fonts/manifest.toml        the project, as jan20-pdf reads it
  layouts/booklet.toml                   the booklet's design, reduced to what the text uses
  content/booklet/az.toml                the words: generated Azerbaijani (bench/azwords.py)
  images/fig-NNNN.png                    600 × 360 figures (bench/png.py)
  booklet-typst-0.10.typ, booklet-typst-0.14.typ
                                         the same words, fonts, page and figures for Typst
                                         (two files: 0.10 and 0.14 differ in paragraph spacing
                                         and in how a footer reads the page counter)
  case.json                              what was generated (words, sections, figures)

The shape follows the booklet: A5, Noto Serif 10.5/13 pt justified and
hyphenated, Noto Sans headings (a section heading every ~600 words, a chapter
heading on a new page every eight sections), a figure with a caption in every
second section, page numbers at the foot. Everything is deterministic: the
same case always gives the same bytes.

    python3 bench/generate.py                 # the three cases: p24, p240, p2400
    python3 bench/generate.py --case p24      # one case
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import azwords  # noqa: E402
import png  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Words per case, calibrated so jan20-pdf's booklet reaches the page count in
# the case's name: about 232 words a page with the headings and figures (the
# issue's 24-page booklet had 5,800 words in a layout with fewer figures' worth
# of space; ours at 5,800 words is 26 pages).
CASES = {"p24": 5_450, "p240": 55_700, "p2400": 557_000}
SECTION_WORDS = 600          # a section heading every ~600 words
SECTIONS_PER_CHAPTER = 8     # a chapter (new page, level-1 heading) every eight sections
FIGURE_EVERY = 2             # a figure in every second section
SEED = 20_01_1990

LAYOUT = """\
# The benchmark's booklet design: layouts/booklet.toml reduced to what the
# generated text uses (body, two heading levels, captions, folios). Written by
# bench/generate.py; the Typst files set the same page, fonts and sizes.

[page]
size = "A5"
facing = true
margins = { top = "16mm", bottom = "20mm", inner = "18mm", outer = "14mm" }
columns = 1
bleed = "3mm"
page-multiple = 1                 # Typst does not pad; neither do we here

[hyphenation]
min-word = 5
min-left = 2
min-right = 3
max-consecutive = 2

[flow]
widows = 2
orphans = 2

[colors.text]
cmyk = [0, 0, 0, 100]

[fonts.serif]
family = "Noto Serif"
style = "Regular"

[fonts.sans]
family = "Noto Sans"
style = "Regular"

[fonts.sans-bold]
family = "Noto Sans"
style = "Bold"

[styles.body]
font = "serif"
size = "10.5pt"
leading = "13pt"
align = "justify"
hyphenate = true
indent = "10.5pt"

[styles.h1]
font = "sans-bold"
size = "16pt"
leading = "20pt"
align = "left"
hyphenate = false
space-after = "14pt"
keep-with-next = true

[styles.h2]
font = "sans-bold"
size = "12pt"
leading = "15pt"
align = "left"
hyphenate = false
space-before = "12pt"
space-after = "4pt"
keep-with-next = true

[styles.caption]
font = "sans"
size = "8pt"
leading = "10.5pt"
align = "left"
hyphenate = false
space-before = "3pt"
space-after = "9pt"

[styles.folio]
font = "sans"
size = "8pt"
leading = "10pt"
align = "center"
hyphenate = false

[masters.body]
footer = "{page}"
footer-style = "folio"
numbered = true
"""

PROJECT = """\
# A benchmark project written by bench/generate.py.
fonts = "fonts/manifest.toml"

[documents.booklet]
layout = "layouts/booklet.toml"
content = "content/booklet/{lang}.toml"
languages = ["az"]
output = "{name}.{lang}.pdf"
"""

# Typst: the same page, fonts, sizes and 13 pt baseline-to-baseline. Typst's
# line box runs from `top-edge` to `bottom-edge`; with em edges summing to
# 13/10.5 em and zero leading, body lines are 13 pt apart, 12 pt headings 15 pt.
TYPST_PREAMBLE = """\
// A benchmark document written by bench/generate.py (Typst {version}).
#set document(title: "{title}", author: "jan20-pdf bench", date: none)
#set page(paper: "a5", margin: (top: 16mm, bottom: 20mm, inside: 18mm, outside: 14mm),
  footer: {footer})
#set text(font: "Noto Serif", size: 10.5pt, lang: "az", hyphenate: true,
  top-edge: 0.905em, bottom-edge: -0.333em)
{par_rule}
#set figure(supplement: none, numbering: none)
#show figure.caption: set text(font: "Noto Sans", size: 8pt, hyphenate: false)
#show heading: set text(font: "Noto Sans", weight: "bold", hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 1): set block(above: 0pt, below: 14pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 2): set block(above: 12pt, below: 4pt)

"""
TYPST_FOLIO = 'align(center, text(font: "Noto Sans", size: 8pt, counter(page).display("1")))'
TYPST_VERSIONS = {
    "0.10": {
        "footer": TYPST_FOLIO,
        "par_rule": "#set par(justify: true, leading: 0pt, first-line-indent: 10.5pt)\n"
                    "#show par: set block(spacing: 0pt)",
    },
    "0.14": {
        "footer": "context " + TYPST_FOLIO,
        "par_rule": "#set par(justify: true, leading: 0pt, spacing: 0pt, first-line-indent: 10.5pt)",
    },
}

TITLE = "Sınaq kitabçası"


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_text(text):
    """Escapes Typst markup characters (the generator's text has few of them).
    A number and a full stop at the start ("1. Title") would begin a list."""
    out = "".join("\\" + c if c in '\\*_#$[]<>@`~"' else c for c in text)
    out = out.replace("--", "-\\-").replace("...", "..\\.")
    head, dot, rest = out.partition(". ")
    return head + "\\. " + rest if dot and head.isdigit() else out


def build_blocks(words_wanted):
    """The document as a list of blocks: ("h1"|"h2"|"p"|"figure", text, extra)."""
    rng = azwords.Rng(SEED)
    blocks, words, section, figures = [], 0, 0, 0
    while words < words_wanted:
        if section % SECTIONS_PER_CHAPTER == 0:
            blocks.append(("h1", f"{section // SECTIONS_PER_CHAPTER + 1}. {azwords.heading(rng)}", None))
        blocks.append(("h2", azwords.heading(rng), None))
        section_words, first = 0, True
        while section_words < SECTION_WORDS and words + section_words < words_wanted:
            text, n = azwords.paragraph(rng)
            blocks.append(("p", text, None))
            section_words += n
            if first and section % FIGURE_EVERY == 0:
                figures += 1
                blocks.append(("figure", azwords.caption(rng, figures), figures))
            first = False
        words += section_words
        section += 1
    return blocks, {"words": words, "sections": section, "figures": figures,
                    "chapters": (section + SECTIONS_PER_CHAPTER - 1) // SECTIONS_PER_CHAPTER}


def figure_path(number):
    return f"images/fig-{number:04d}.png"


def content_toml(blocks):
    out = [
        "# Generated by bench/generate.py: neutral Azerbaijani test text.",
        "[meta]",
        f"title = {toml_string(TITLE)}",
        'author = "jan20-pdf bench"',
        'language = "az"',
        'date = "2026-01-20"',
        "",
    ]
    for kind, text, extra in blocks:
        if kind == "h1":
            if len(out) > 8:  # every chapter but the first starts a page
                out += ["[[block]]", 'type = "page-break"', ""]
            out += ["[[block]]", 'type = "heading"', "level = 1", f"text = {toml_string(text)}", ""]
        elif kind == "h2":
            out += ["[[block]]", 'type = "heading"', "level = 2", f"text = {toml_string(text)}", ""]
        elif kind == "p":
            out += ["[[block]]", 'type = "paragraph"', f"text = {toml_string(text)}", ""]
        else:
            out += ["[[block]]", 'type = "figure"', f'image = "{figure_path(extra)}"',
                    f"caption = {toml_string(text)}", 'alt = "Mənzərə: təpələr, səma və günəş"', ""]
    return "\n".join(out)


def typst_document(blocks, version):
    out = [TYPST_PREAMBLE.format(version=version, title=TITLE, **TYPST_VERSIONS[version])]
    first_chapter = True
    for kind, text, extra in blocks:
        if kind == "h1":
            if not first_chapter:
                out.append("#pagebreak()\n")
            first_chapter = False
            out.append("= " + typst_text(text) + "\n")
        elif kind == "h2":
            out.append("== " + typst_text(text) + "\n")
        elif kind == "p":
            out.append(typst_text(text) + "\n")
        else:
            out.append(f'#figure(image("{figure_path(extra)}", width: 100%), caption: [{typst_text(text)}])\n')
    return "\n".join(out)


def write_if_changed(path, data):
    """Leaves an identical file alone, so repeated runs do not touch mtimes."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)


def generate(case, words, out_root):
    directory = os.path.join(out_root, case)
    blocks, stats = build_blocks(words)
    write_if_changed(os.path.join(directory, "jan20.toml"), PROJECT)
    with open(os.path.join(REPO, "fonts", "manifest.toml"), encoding="utf-8") as f:
        write_if_changed(os.path.join(directory, "fonts", "manifest.toml"), f.read())
    write_if_changed(os.path.join(directory, "layouts", "booklet.toml"), LAYOUT)
    write_if_changed(os.path.join(directory, "content", "booklet", "az.toml"), content_toml(blocks))
    for version in TYPST_VERSIONS:
        write_if_changed(os.path.join(directory, f"booklet-typst-{version}.typ"), typst_document(blocks, version))
    for number in range(1, stats["figures"] + 1):
        path = os.path.join(directory, figure_path(number))
        if not os.path.exists(path):  # the slow part: skip figures already written (same seed, same bytes)
            write_if_changed(path, png.landscape(SEED + number))
    images = os.path.join(directory, "images")
    for name in os.listdir(images):  # figures left over from a longer version of the case
        if name.startswith("fig-") and int(name[4:8]) > stats["figures"]:
            os.remove(os.path.join(images, name))
    distinct = {w for kind, text, _ in blocks if kind == "p" for w in text.split()}
    stats.update({"case": case, "blocks": len(blocks), "distinct_words": len(distinct)})
    write_if_changed(os.path.join(directory, "case.json"), json.dumps(stats, indent=2) + "\n")
    return directory, stats


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="case to write (repeatable; default all)")
    parser.add_argument("--out", default=os.path.join(REPO, "bench", "work"), help="where the cases go")
    args = parser.parse_args()
    for case in args.case or list(CASES):
        directory, stats = generate(case, CASES[case], args.out)
        print(f"{case}: {stats['words']} words, {stats['sections']} sections, {stats['figures']} figures, "
              f"{stats['distinct_words']} distinct words -> {os.path.relpath(directory)}")


if __name__ == "__main__":
    main()
