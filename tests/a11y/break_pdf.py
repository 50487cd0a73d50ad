#!/usr/bin/env python3
"""Makes a broken copy of a good tagged PDF, to prove that
check_tagged_pdf.py fails on it. Each way of breaking changes one thing,
through qpdf's JSON round trip (qpdf --json-output, edit, qpdf --json-input).

Usage: break_pdf.py HOW IN.pdf OUT.pdf
HOW is one of the names in BREAKS below.
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import zlib


def objects(doc):
    return doc["qpdf"][1]


def value(doc, ref):
    return objects(doc)["obj:" + ref]["value"]


def catalog(doc):
    return value(doc, objects(doc)["trailer"]["value"]["/Root"])


def dicts(doc):
    """(key, dict) of every non-stream object that is a dictionary."""
    for key, o in objects(doc).items():
        if key.startswith("obj:") and isinstance(o.get("value"), dict):
            yield key, o["value"]


def elements(doc, role=None):
    for key, d in dicts(doc):
        if d.get("/Type") == "/StructElem" and (role is None or d.get("/S") == role):
            yield key, d


def pages(doc):
    out = []

    def walk(ref):
        node = value(doc, ref)
        if "/Kids" in node:
            for kid in node["/Kids"]:
                walk(kid)
        else:
            out.append(node)

    walk(catalog(doc)["/Pages"])
    return out


def first(iterable, what):
    for x in iterable:
        return x
    raise SystemExit("break_pdf: the PDF has no %s" % what)


def no_alt(doc):
    _, fig = first(elements(doc, "/Figure"), "Figure")
    fig.pop("/Alt", None)
    fig.pop("/T", None)


def drop_parent_tree_entry(doc):
    root = value(doc, catalog(doc)["/StructTreeRoot"])
    tree = value(doc, root["/ParentTree"]) if isinstance(root["/ParentTree"], str) else root["/ParentTree"]
    nums = tree["/Nums"]
    for k in range(1, len(nums), 2):
        if isinstance(nums[k], list) and nums[k]:
            nums[k][0] = None
            return
    raise SystemExit("break_pdf: no page entry in the ParentTree")


def untagged_text(doc):
    page = pages(doc)[0]
    resources = page["/Resources"] if isinstance(page["/Resources"], dict) else value(doc, page["/Resources"])
    fonts = resources["/Font"] if isinstance(resources["/Font"], dict) else value(doc, resources["/Font"])
    font = first(fonts, "font on page 1")
    append_content(doc, page, ("BT %s 10 Tf 20 20 Td <0001> Tj ET\n" % font).encode())


def append_content(doc, page, extra):
    ref = page["/Contents"][0] if isinstance(page["/Contents"], list) else page["/Contents"]
    stream = objects(doc)["obj:" + ref]["stream"]
    data = base64.b64decode(stream["data"])
    filters = stream["dict"].get("/Filter")
    if filters in ("/FlateDecode", ["/FlateDecode"]):
        data = zlib.decompress(data)
    stream["dict"].pop("/Filter", None)
    stream["dict"].pop("/DecodeParms", None)
    stream["data"] = base64.b64encode(data + b"\n" + extra).decode()


def no_lang(doc):
    catalog(doc).pop("/Lang", None)


def cyrillic_without_lang(doc):
    n = 0
    for _, e in elements(doc):
        if "Cyrl" in e.get("/Lang", ""):
            e.pop("/Lang")
            n += 1
    if not n:
        raise SystemExit("break_pdf: no element with a Cyrillic /Lang")


def no_display_doc_title(doc):
    catalog(doc)["/ViewerPreferences"]["/DisplayDocTitle"] = False


def unembedded_font(doc):
    n = 0
    for _, d in dicts(doc):
        if d.get("/Type") == "/FontDescriptor":
            for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                n += d.pop(k, None) is not None
    if not n:
        raise SystemExit("break_pdf: no embedded font")


def mcid_unreached(doc):
    for _, e in elements(doc):
        kids = e.get("/K")
        if isinstance(kids, list) and any(isinstance(k, int) for k in kids):
            e["/K"] = [k for k in kids if not isinstance(k, int)]
            return
    raise SystemExit("break_pdf: no element with an MCID")


def untagged_annotation(doc):
    for _, e in elements(doc, "/Link"):
        kids = e.get("/K", [])
        kept = [k for k in kids if not (isinstance(k, dict) and k.get("/Type") == "/OBJR")]
        if len(kept) != len(kids):
            e["/K"] = kept
            return
    raise SystemExit("break_pdf: no Link element with an annotation")


def custom_role(doc):
    _, e = first(elements(doc, "/P"), "P element")
    e["/S"] = "/Paragraph"


def xmp_title_differs(doc):
    info = value(doc, objects(doc)["trailer"]["value"]["/Info"])
    info["/Title"] = "u:Another title"


def no_pdfa_intent(doc):
    catalog(doc).pop("/OutputIntents", None)


def hidden_annotation(doc):
    n = 0
    for _, d in dicts(doc):
        if d.get("/Type") == "/Annot":
            d["/F"] = 2
            n += 1
    if not n:
        raise SystemExit("break_pdf: no annotation")


BREAKS = {
    "no-alt": no_alt,
    "drop-parent-tree-entry": drop_parent_tree_entry,
    "untagged-text": untagged_text,
    "no-lang": no_lang,
    "cyrillic-without-lang": cyrillic_without_lang,
    "no-display-doc-title": no_display_doc_title,
    "unembedded-font": unembedded_font,
    "mcid-unreached": mcid_unreached,
    "untagged-annotation": untagged_annotation,
    "custom-role": custom_role,
    "xmp-title-differs": xmp_title_differs,
    "no-pdfa-intent": no_pdfa_intent,
    "hidden-annotation": hidden_annotation,
}


def main(argv):
    if len(argv) != 3 or argv[0] not in BREAKS:
        sys.stderr.write("usage: break_pdf.py {%s} IN.pdf OUT.pdf\n" % ",".join(BREAKS))
        return 2
    how, source, target = argv
    r = subprocess.run(["qpdf", "--json-output", source, "-"], capture_output=True)
    if r.returncode not in (0, 3):
        sys.stderr.write(r.stderr.decode())
        return 2
    doc = json.loads(r.stdout)
    BREAKS[how](doc)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
        name = f.name
    try:
        r = subprocess.run(["qpdf", "--json-input", name, target], capture_output=True)
    finally:
        os.unlink(name)
    if r.returncode not in (0, 3):
        sys.stderr.write(r.stderr.decode())
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
