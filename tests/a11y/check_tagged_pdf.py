#!/usr/bin/env python3
"""Checks that PDFs are accessible (the tagged-PDF essentials of PDF/UA-1) and,
with --pdfa, archival (the essentials of PDF/A-2). It reads each file through
`qpdf --json` (qpdf 11) and parses the page content streams itself; it needs
nothing but python3 and qpdf.

Always checked:
  * the catalog: /MarkInfo /Marked true, /StructTreeRoot, /Lang (a language
    tag), /ViewerPreferences /DisplayDocTitle true, a document title;
  * page content: every painting operator (text, paths, images, shadings) is
    inside marked content with an MCID or inside an /Artifact; marked content
    is balanced and MCID sequences do not nest;
  * the structure tree: every MCID on every page is reached from exactly one
    structure element, and every element's MCIDs exist on their page; every
    ParentTree entry resolves to the element that holds the MCID (and every
    MCID has its entry); every annotation on a page is tagged (/StructParent,
    an OBJR in an element, the ParentTree pointing back), link annotations
    inside Link elements; roles are standard or role-mapped to a standard
    role; every Figure has /Alt; TH cells have a /Scope; heading levels do not
    skip (H1 then H3);
  * languages: text in Cyrillic or Arabic script is read (its element's, or
    an ancestor's, or the document's /Lang) in a language written in that
    script, and Latin text not in a Cyrillic- or Arabic-script language;
  * fonts: every font used on a page is embedded.
With --pdfua: XMP metadata with pdfuaid:part 1 and dc:title; /Tabs /S on
pages with annotations; link annotations have /Contents.
With --pdfa: the header's binary comment, no encryption, a trailer /ID; XMP
with pdfaid:part and conformance (and the pdfuaid schema declared when it is
used); Info and XMP agree (Title, Author, Subject, Keywords, Creator,
Producer, CreationDate, ModDate); a GTS_PDFA1 output intent with an embedded
profile (one profile object for all intents); device colours match the
intent's colour space unless a default colour space covers them; every
annotation printable and not hidden.

Usage: check_tagged_pdf.py [--pdfua] [--pdfa] FILE.pdf...
Prints one line per problem ("FILE: page 3: …") or "FILE: ok (…)" per file.
Exit status: 0 every file passed, 1 a check failed, 2 a file could not be read.
"""
import base64
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

STANDARD_ROLES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"}

# Languages whose usual script is not Latin (their tags need no script subtag).
DEFAULT_SCRIPT = {
    "ru": "Cyrl", "uk": "Cyrl", "be": "Cyrl", "bg": "Cyrl", "sr": "Cyrl", "mk": "Cyrl", "kk": "Cyrl",
    "ky": "Cyrl", "tg": "Cyrl", "mn": "Cyrl", "tt": "Cyrl", "ba": "Cyrl", "cv": "Cyrl",
    "ar": "Arab", "fa": "Arab", "azb": "Arab", "ur": "Arab", "ps": "Arab", "ckb": "Arab", "ug": "Arab",
    "sd": "Arab", "ks": "Arab"}

LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


class ReadError(Exception):
    pass


class Name(str):
    """A PDF name (without its slash)."""


class Ref(str):
    """An indirect reference, "12 0 R"."""


# ---------------------------------------------------------------- qpdf JSON

class Pdf:
    def __init__(self, path):
        self.path = path
        r = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                            "--decode-level=generalized", path], capture_output=True)
        if r.returncode not in (0, 3) or not r.stdout:
            raise ReadError(r.stderr.decode("utf-8", "replace").strip() or "qpdf could not read the file")
        try:
            qpdf = json.loads(r.stdout)["qpdf"]
        except (ValueError, KeyError) as e:
            raise ReadError("qpdf gave no JSON: %s" % e)
        self.objects = qpdf[1]
        with open(path, "rb") as f:
            self.raw = f.read()
        self.trailer = self.value(self.objects.get("trailer", {}).get("value", {}))

    def value(self, v):
        """A JSON value as Python: dicts with name keys (no slash), lists,
        Name, Ref, str (text strings), bytes (binary strings), numbers."""
        if isinstance(v, dict):
            return {k[1:]: self.value(x) for k, x in v.items()}
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, str):
            if v.startswith("/"):
                return Name(v[1:])
            if re.fullmatch(r"\d+ \d+ R", v):
                return Ref(v)
            if v.startswith("u:"):
                return v[2:]
            if v.startswith("b:"):
                return text_string(bytes.fromhex(v[2:]))
        return v

    def get(self, v):
        """Resolves a reference; a stream comes back as its dictionary with
        the decoded data under "__data__"."""
        seen = 0
        while isinstance(v, Ref) and seen < 32:
            o = self.objects.get("obj:" + v)
            seen += 1
            if o is None:
                return None
            if "stream" in o:
                d = self.value(o["stream"].get("dict", {}))
                d["__data__"] = base64.b64decode(o["stream"].get("data", "") or "")
                d["__ref__"] = v
                return d
            v = self.value(o.get("value"))
        return v


def text_string(b):
    if b.startswith(b"\xfe\xff"):
        return b[2:].decode("utf-16-be", "replace")
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8", "replace")
    return b.decode("latin-1")


# ---------------------------------------------------------- content streams

DELIMS = b"()<>[]{}/%"
SPACE = b" \t\r\n\f\x00"


class Lexer:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def skip(self):
        d, n = self.d, len(self.d)
        while self.i < n:
            c = d[self.i]
            if c in SPACE:
                self.i += 1
            elif c == 0x25:  # %
                while self.i < n and d[self.i] not in b"\r\n":
                    self.i += 1
            else:
                break

    def token(self):
        """Next object or operator: ("op", name) or ("obj", value); None at the end."""
        self.skip()
        d, n = self.d, len(self.d)
        if self.i >= n:
            return None
        c = d[self.i]
        if c == 0x28:  # (
            return ("obj", self.literal())
        if c == 0x3C:  # <
            if self.i + 1 < n and d[self.i + 1] == 0x3C:
                self.i += 2
                return ("obj", self.dictionary())
            j = d.index(b">", self.i)
            h = re.sub(rb"\s", b"", d[self.i + 1:j])
            self.i = j + 1
            if len(h) % 2:
                h += b"0"
            return ("obj", bytes.fromhex(h.decode()))
        if c == 0x5B:  # [
            self.i += 1
            items = []
            while True:
                self.skip()
                if self.i >= n:
                    raise ReadError("unterminated array in a content stream")
                if d[self.i] == 0x5D:
                    self.i += 1
                    return ("obj", items)
                t = self.token()
                if t is None:
                    raise ReadError("unterminated array in a content stream")
                items.append(t[1])
        if c == 0x2F:  # /
            j = self.i + 1
            while j < n and d[j] not in SPACE and d[j] not in DELIMS:
                j += 1
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), d[self.i + 1:j])
            self.i = j
            return ("obj", Name(name.decode("latin-1")))
        j = self.i
        while j < n and d[j] not in SPACE and d[j] not in DELIMS:
            j += 1
        if j == self.i:  # a stray delimiter: ) ] > } — skip it
            self.i += 1
            return ("op", d[j:j + 1].decode("latin-1"))
        word = d[self.i:j].decode("latin-1")
        self.i = j
        if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", word):
            return ("obj", float(word) if "." in word else int(word))
        if word in ("true", "false"):
            return ("obj", word == "true")
        if word == "null":
            return ("obj", None)
        return ("op", word)

    def literal(self):
        d, n = self.d, len(self.d)
        self.i += 1
        depth, out = 1, bytearray()
        while self.i < n:
            c = d[self.i]
            self.i += 1
            if c == 0x5C:  # backslash
                e = d[self.i:self.i + 1]
                self.i += 1
                esc = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
                if e in esc:
                    out += esc[e]
                elif e and e in b"01234567":
                    digits = e
                    while len(digits) < 3 and d[self.i:self.i + 1] and d[self.i] in b"01234567":
                        digits += d[self.i:self.i + 1]
                        self.i += 1
                    out.append(int(digits, 8) & 0xFF)
                elif e in (b"\r", b"\n"):
                    if e == b"\r" and d[self.i:self.i + 1] == b"\n":
                        self.i += 1
                else:
                    out += e
            elif c == 0x28:
                depth += 1
                out.append(c)
            elif c == 0x29:
                depth -= 1
                if depth == 0:
                    return bytes(out)
                out.append(c)
            else:
                out.append(c)
        raise ReadError("unterminated string in a content stream")

    def dictionary(self):
        out = {}
        while True:
            self.skip()
            if self.d[self.i:self.i + 2] == b">>":
                self.i += 2
                return out
            key = self.token()
            if key is None or not isinstance(key[1], Name):
                raise ReadError("malformed dictionary in a content stream")
            value = self.token()
            if value is None:
                raise ReadError("malformed dictionary in a content stream")
            out[str(key[1])] = value[1]

    def inline_image(self):
        # After "ID": binary data up to whitespace + "EI" + whitespace.
        m = re.compile(rb"\sEI(?=[\s]|$)").search(self.d, self.i)
        self.i = m.end() if m else len(self.d)


def parse_cmap(data):
    """ToUnicode CMap -> ({code bytes: text}, code length in bytes)."""
    text = data.decode("latin-1")
    mapping, length = {}, 1
    m = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", text)
    if m:
        length = len(m.group(1)) // 2

    def utf16(h):
        return bytes.fromhex(h).decode("utf-16-be", "replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[bytes.fromhex(src)] = utf16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            a, b, size = int(lo, 16), int(hi, 16), len(lo) // 2
            if rest.startswith("["):
                for k, h in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                    mapping[(a + k).to_bytes(size, "big")] = utf16(h)
            else:
                base = bytes.fromhex(rest[1:-1])
                for k in range(b - a + 1):
                    v = int.from_bytes(base, "big") + k
                    mapping[(a + k).to_bytes(size, "big")] = v.to_bytes(len(base), "big").decode("utf-16-be", "replace")
    return mapping, length


# ----------------------------------------------------------------- checks

class Checker:
    def __init__(self, pdf, pdfua, pdfa):
        self.pdf = pdf
        self.pdfua = pdfua
        self.pdfa = pdfa
        self.problems = []
        self.cmaps = {}

    def fail(self, message):
        if message not in self.problems:
            self.problems.append(message)

    # ---- pages

    def pages(self):
        out = []

        def walk(ref, inherited, depth):
            node = self.pdf.get(ref)
            if not isinstance(node, dict) or depth > 64:
                return
            resources = node.get("Resources", inherited)
            if node.get("Type") == "Pages" or "Kids" in node:
                for kid in node.get("Kids", []):
                    walk(kid, resources, depth + 1)
            else:
                out.append((ref, node, self.pdf.get(resources) or {}))

        cat = self.catalog
        walk(cat.get("Pages"), None, 0)
        return out

    def font_text(self, font_ref, code_bytes):
        """The Unicode text a string shows in a font (through its ToUnicode)."""
        key = str(font_ref)
        if key not in self.cmaps:
            font = self.pdf.get(font_ref)
            cmap = self.pdf.get(font.get("ToUnicode")) if isinstance(font, dict) else None
            if isinstance(cmap, dict) and "__data__" in cmap:
                mapping, length = parse_cmap(cmap["__data__"])
            else:
                mapping, length = {}, 1
            if isinstance(font, dict) and font.get("Subtype") == "Type0":
                length = 2
            self.cmaps[key] = (mapping, length)
        mapping, length = self.cmaps[key]
        out = []
        for k in range(0, len(code_bytes) - length + 1, length):
            out.append(mapping.get(code_bytes[k:k + length], ""))
        return "".join(out)

    def scan_content(self, number, page, resources):
        """Walks a page's content: returns {mcid: {"text", "lang", "colors"}}
        and the device colour families painted outside images."""
        contents = page.get("Contents")
        streams = contents if isinstance(contents, list) else [contents] if contents is not None else []
        data = b"\n".join((self.pdf.get(s) or {}).get("__data__", b"") for s in streams)
        fonts = self.pdf.get(resources.get("Font")) or {}
        xobjects = self.pdf.get(resources.get("XObject")) or {}
        properties = self.pdf.get(resources.get("Properties")) or {}
        lexer = Lexer(data)
        stack, operands, mcids, families = [], [], {}, set()
        font = None
        outside = {}
        while True:
            try:
                t = lexer.token()
            except (ReadError, ValueError) as e:
                self.fail("page %d: content stream cannot be parsed: %s" % (number, e))
                break
            if t is None:
                break
            if t[0] == "obj":
                operands.append(t[1])
                continue
            op = t[1]
            args, operands = operands, []
            if op == "BMC":
                stack.append({"tag": args[-1] if args else None, "mcid": None})
            elif op == "BDC":
                props = args[-1] if args else {}
                if isinstance(props, Name):
                    props = self.pdf.get(properties.get(props)) or {}
                if not isinstance(props, dict):
                    props = {}
                mcid = props.get("MCID")
                entry = {"tag": args[0] if args else None, "mcid": mcid if isinstance(mcid, int) else None,
                         "actual": props.get("ActualText"), "lang": props.get("Lang"), "actual_read": False}
                if entry["mcid"] is not None:
                    open_mcid = [e["mcid"] for e in stack if e["mcid"] is not None]
                    if open_mcid:
                        self.fail("page %d: MCID %d is nested inside MCID %d" % (number, entry["mcid"], open_mcid[-1]))
                    if entry["mcid"] in mcids:
                        self.fail("page %d: MCID %d is used twice" % (number, entry["mcid"]))
                    lang = entry["lang"]
                    mcids[entry["mcid"]] = {"text": "", "lang": text_value(lang) if lang else None}
                stack.append(entry)
            elif op == "EMC":
                if not stack:
                    self.fail("page %d: EMC without BMC/BDC" % number)
                else:
                    stack.pop()
            elif op == "Tf" and args:
                font = fonts.get(args[0]) if isinstance(args[0], Name) else None
            elif op == "ID":
                lexer.inline_image()
            elif op in ("k", "K"):
                families.add("CMYK")
            elif op in ("rg", "RG"):
                families.add("RGB")
            if op in PAINTING:
                marked = [e for e in stack if e["mcid"] is not None or e["tag"] == "Artifact"]
                if not marked:
                    what = "text" if op in TEXT_SHOWING else "an image or form" if op in ("Do", "BI") else "a path"
                    outside[what] = outside.get(what, 0) + 1
                owner = next((e for e in reversed(stack) if e["mcid"] is not None), None)
                artifact = any(e["tag"] == "Artifact" for e in stack)
                if op in TEXT_SHOWING and owner is not None and not artifact:
                    strings = []
                    for a in args:
                        if isinstance(a, bytes):
                            strings.append(a)
                        elif isinstance(a, list):
                            strings += [x for x in a if isinstance(x, bytes)]
                    # /ActualText replaces the text of everything in its sequence: read it once.
                    span = next((e for e in reversed(stack) if e.get("actual") is not None), None)
                    if span is None:
                        mcids[owner["mcid"]]["text"] += "".join(self.font_text(font, s) for s in strings)
                    elif not span["actual_read"]:
                        span["actual_read"] = True
                        mcids[owner["mcid"]]["text"] += text_value(span["actual"])
                if op == "Do" and args and isinstance(args[0], Name):
                    x = self.pdf.get(xobjects.get(args[0]))
                    if isinstance(x, dict) and x.get("Subtype") == "Image":
                        families |= image_families(self.pdf, x)
        if stack:
            self.fail("page %d: %d marked-content sequence(s) not closed" % (number, len(stack)))
        for what, count in sorted(outside.items()):
            self.fail("page %d: %d piece(s) of %s outside both tagged content and artifacts" % (number, count, what))
        return mcids, families

    # ---- structure tree

    def structure(self):
        """Walks the structure tree: returns the elements by id and the owners
        of MCIDs and annotations."""
        root = self.pdf.get(self.catalog.get("StructTreeRoot"))
        elements, mcid_owner, objr_owner = {}, {}, {}
        if not isinstance(root, dict):
            self.fail("no /StructTreeRoot: the document is not tagged")
            return elements, mcid_owner, objr_owner
        self.role_map = self.pdf.get(root.get("RoleMap")) or {}
        counter = [0]

        def visit(ref, parent, depth):
            node = self.pdf.get(ref)
            if not isinstance(node, dict) or depth > 256:
                return
            if node.get("Type") in ("MCR", "OBJR"):
                return
            eid = ref if isinstance(ref, Ref) else "direct element %d" % counter[0]
            counter[0] += 1
            if eid in elements:
                self.fail("structure element %s is reached twice" % eid)
                return
            role = str(node.get("S", ""))
            elements[eid] = {"node": node, "role": role, "parent": parent, "kids": [], "mcids": [], "objrs": []}
            page = node.get("Pg")
            kids = node.get("K")
            kids = kids if isinstance(kids, list) else [] if kids is None else [kids]
            for k in kids:
                if isinstance(k, int) and not isinstance(k, bool):
                    if page is None:
                        self.fail("%s element %s has MCID %d but no /Pg" % (role, eid, k))
                        continue
                    own(page, k, eid)
                    continue
                item = self.pdf.get(k)
                if isinstance(item, dict) and item.get("Type") == "MCR":
                    if "Stm" in item:
                        self.fail("%s element %s has marked content in a form XObject, which this checker does not follow" % (role, eid))
                    pg = item.get("Pg", page)
                    if pg is None or not isinstance(item.get("MCID"), int):
                        self.fail("%s element %s has a marked-content reference without page or MCID" % (role, eid))
                    else:
                        own(pg, item["MCID"], eid)
                elif isinstance(item, dict) and item.get("Type") == "OBJR":
                    obj = item.get("Obj")
                    if obj in objr_owner:
                        self.fail("annotation %s is referenced by two structure elements" % obj)
                    objr_owner[obj] = eid
                    elements[eid]["objrs"].append(obj)
                elif isinstance(item, dict):
                    child = k if isinstance(k, Ref) else None
                    if child is not None and self.pdf.get(child) is not None:
                        p = item.get("P")
                        if isinstance(eid, Ref) and p != eid:
                            self.fail("%s element %s names %s as its parent (/P), not %s" % (item.get("S"), child, p, eid))
                        elements[eid]["kids"].append(child)
                        visit(child, eid, depth + 1)
                    else:
                        visit(k, eid, depth + 1)

        def own(page, mcid, eid):
            key = (page, mcid)
            if key in mcid_owner:
                self.fail("MCID %d on page object %s belongs to two structure elements" % (mcid, page))
            mcid_owner[key] = eid
            elements[eid]["mcids"].append(key)

        kids = root.get("K")
        for k in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            visit(k, None, 0)
        return elements, mcid_owner, objr_owner

    def standard_role(self, role):
        seen = set()
        while role not in STANDARD_ROLES and role in self.role_map and role not in seen:
            seen.add(role)
            role = str(self.role_map[role])
        return role if role in STANDARD_ROLES else None

    def parent_tree(self, root):
        nums = {}

        def walk(node, depth):
            node = self.pdf.get(node)
            if not isinstance(node, dict) or depth > 32:
                return
            n = node.get("Nums", [])
            for k in range(0, len(n) - 1, 2):
                nums[n[k]] = n[k + 1]
            for kid in node.get("Kids", []):
                walk(kid, depth + 1)

        walk(root.get("ParentTree"), 0)
        return nums

    # ---- the whole file

    def run(self):
        self.catalog = self.pdf.get(self.pdf.trailer.get("Root")) or {}
        cat = self.catalog
        info = self.pdf.get(self.pdf.trailer.get("Info")) or {}
        mark = self.pdf.get(cat.get("MarkInfo")) or {}
        if mark.get("Marked") is not True:
            self.fail("the catalog has no /MarkInfo << /Marked true >>")
        lang = text_value(cat.get("Lang"))
        if not lang:
            self.fail("the catalog has no /Lang: a screen reader cannot tell the document's language")
        elif not LANG_TAG.match(lang):
            self.fail("the catalog's /Lang '%s' is not a language tag" % lang)
        prefs = self.pdf.get(cat.get("ViewerPreferences")) or {}
        if prefs.get("DisplayDocTitle") is not True:
            self.fail("/ViewerPreferences /DisplayDocTitle is not true: viewers show the file name, not the title")
        xmp = self.xmp()
        title = text_value(info.get("Title")) or (xmp_text(xmp, "dc:title") if xmp is not None else "")
        if not title:
            self.fail("the document has no title (Info /Title, XMP dc:title)")

        elements, mcid_owner, objr_owner = self.structure()
        tree = self.pdf.get(cat.get("StructTreeRoot")) or {}
        parents = self.parent_tree(tree) if isinstance(tree, dict) else {}

        pages = self.pages()
        page_number = {ref: k + 1 for k, (ref, _, _) in enumerate(pages)}
        content_mcids = {}
        total_mcids = 0
        for k, (ref, page, resources) in enumerate(pages):
            number = k + 1
            mcids, families = self.scan_content(number, page, resources)
            total_mcids += len(mcids)
            content_mcids[ref] = mcids
            self.check_fonts(number, resources)
            if self.pdfa:
                self.check_colors(number, resources, families)
            # MCIDs <-> structure tree <-> ParentTree
            if mcids and "StructParents" not in page:
                self.fail("page %d has marked content but no /StructParents" % number)
            entries = parents.get(page.get("StructParents")) if "StructParents" in page else None
            entries = self.pdf.get(entries) if entries is not None else None
            if "StructParents" in page and not isinstance(entries, list):
                self.fail("page %d: the ParentTree has no entry for /StructParents %s" % (number, page.get("StructParents")))
                entries = []
            entries = entries or []
            for mcid in sorted(mcids):
                owner = mcid_owner.get((ref, mcid))
                if owner is None:
                    self.fail("page %d: MCID %d is not reached from the structure tree" % (number, mcid))
                entry = entries[mcid] if mcid < len(entries) else None
                if entry is None:
                    self.fail("page %d: MCID %d has no ParentTree entry" % (number, mcid))
                elif owner is not None and entry != owner:
                    self.fail("page %d: the ParentTree gives MCID %d to %s, the structure tree to %s" % (number, mcid, entry, owner))
            for mcid, entry in enumerate(entries):
                if entry is None:
                    continue
                if mcid not in mcids:
                    self.fail("page %d: ParentTree entry for MCID %d, which the page's content does not have" % (number, mcid))
                elif not isinstance(self.pdf.get(entry), dict) or entry not in elements:
                    self.fail("page %d: the ParentTree entry for MCID %d does not resolve to a structure element" % (number, mcid))
            self.check_annotations(number, ref, page, parents, objr_owner, elements)

        for (page_ref, mcid), eid in mcid_owner.items():
            if page_ref not in content_mcids:
                self.fail("%s element %s refers to a page that is not in the document" % (elements[eid]["role"], eid))
            elif mcid not in content_mcids[page_ref]:
                self.fail("%s element %s refers to MCID %d on page %d, which the page's content does not have" % (
                    elements[eid]["role"], eid, mcid, page_number[page_ref]))

        self.check_elements(elements, mcid_owner, content_mcids, page_number, lang)
        if self.pdfua:
            self.check_pdfua(xmp, pages)
        if self.pdfa:
            self.check_pdfa(info, xmp)
        return len(pages), len(elements), total_mcids

    def check_fonts(self, number, resources):
        fonts = self.pdf.get(resources.get("Font")) or {}
        for name, ref in fonts.items():
            font = self.pdf.get(ref)
            if not isinstance(font, dict) or font.get("Subtype") == "Type3":
                continue
            desc = font.get("FontDescriptor")
            if font.get("Subtype") == "Type0":
                descendants = self.pdf.get(font.get("DescendantFonts")) or []
                desc = (self.pdf.get(descendants[0]) or {}).get("FontDescriptor") if descendants else None
            desc = self.pdf.get(desc) or {}
            if not any(k in desc for k in ("FontFile", "FontFile2", "FontFile3")):
                self.fail("page %d: font %s (%s) is not embedded" % (number, name, font.get("BaseFont")))

    def check_annotations(self, number, page_ref, page, parents, objr_owner, elements):
        annots = self.pdf.get(page.get("Annots")) or []
        for a in annots:
            annot = self.pdf.get(a)
            if not isinstance(annot, dict):
                continue
            subtype = annot.get("Subtype")
            if self.pdfa:
                flags = annot.get("F", 0) if isinstance(annot.get("F"), int) else 0
                if not flags & 4 or flags & (1 | 2 | 32 | 256):
                    self.fail("page %d: annotation %s is not printable or may be hidden (/F %s)" % (number, a, annot.get("F")))
            if subtype == "Popup":
                continue
            owner = objr_owner.get(a)
            if owner is None:
                self.fail("page %d: %s annotation %s is not in the structure tree (no OBJR)" % (number, subtype, a))
                continue
            if subtype == "Link" and elements[owner]["role"] != "Link" and self.standard_role(elements[owner]["role"]) != "Link":
                self.fail("page %d: link annotation %s sits in a %s element, not a Link" % (number, a, elements[owner]["role"]))
            key = annot.get("StructParent")
            if key is None:
                self.fail("page %d: annotation %s has no /StructParent" % (number, a))
            elif parents.get(key) != owner:
                self.fail("page %d: the ParentTree entry %s of annotation %s is %s, not its element %s" % (
                    number, key, a, parents.get(key), owner))
            if self.pdfua and subtype == "Link" and not text_value(annot.get("Contents")):
                self.fail("page %d: link annotation %s has no /Contents (what the link does)" % (number, a))

    def check_elements(self, elements, mcid_owner, content_mcids, page_number, doc_lang):
        last_heading = 0
        for eid, e in elements.items():  # in tree order (visit order)
            node, role = e["node"], e["role"]
            std = self.standard_role(role)
            if std is None:
                self.fail("element %s has role /%s, which is neither standard nor in the /RoleMap" % (eid, role))
                continue
            if std == "Figure" and not (text_value(node.get("Alt")) or text_value(node.get("ActualText"))):
                self.fail("Figure %s has no /Alt (alternative text)" % eid)
            if std == "TH" and not has_scope(self.pdf, node):
                self.fail("TH %s has no /Scope attribute (which cells does it head?)" % eid)
            if std == "Link" and not e["objrs"]:
                self.fail("Link %s holds no link annotation (OBJR)" % eid)
            if std in ("H1", "H2", "H3", "H4", "H5", "H6"):
                level = int(std[1])
                if last_heading and level > last_heading + 1:
                    self.fail("heading levels skip from H%d to H%d at %s" % (last_heading, level, eid))
                last_heading = level
            lang = text_value(node.get("Lang"))
            if lang and not LANG_TAG.match(lang):
                self.fail("%s element %s has /Lang '%s', which is not a language tag" % (role, eid, lang))
        # Languages of the text itself.
        for (page_ref, mcid), eid in mcid_owner.items():
            mc = content_mcids.get(page_ref, {}).get(mcid)
            if not mc or not mc["text"].strip():
                continue
            lang = mc["lang"] or effective_lang(self.pdf, elements, eid, doc_lang)
            want = lang_script(lang)
            for script in sorted(letter_scripts(mc["text"])):
                if script != want:
                    self.fail("page %d: %s text '%s' is read as '%s' (%s element %s): give it a /Lang in that script" % (
                        page_number.get(page_ref, 0), script_name(script), shorten(mc["text"]), lang or "no language",
                        elements[eid]["role"], eid))

    def xmp(self):
        meta = self.pdf.get(self.catalog.get("Metadata"))
        if not isinstance(meta, dict) or "__data__" not in meta:
            return None
        try:
            return ET.fromstring(meta["__data__"])
        except ET.ParseError as e:
            self.fail("the XMP metadata is not well-formed XML: %s" % e)
            return None

    def check_pdfua(self, xmp, pages):
        if xmp is None:
            self.fail("no XMP metadata (/Metadata): PDF/UA needs dc:title and pdfuaid:part there")
        else:
            if xmp_text(xmp, "pdfuaid:part") != "1":
                self.fail("the XMP does not claim PDF/UA-1 (pdfuaid:part 1)")
            if not xmp_text(xmp, "dc:title"):
                self.fail("the XMP has no dc:title")
        for k, (ref, page, _) in enumerate(pages):
            if self.pdf.get(page.get("Annots")) and page.get("Tabs") != "S":
                self.fail("page %d has annotations but no /Tabs /S (tab in structure order)" % (k + 1))

    def check_pdfa(self, info, xmp):
        if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", self.pdf.raw):
            self.fail("PDF/A: the header is not %PDF-1.n followed by a comment of four bytes above 127")
        if "Encrypt" in self.pdf.trailer:
            self.fail("PDF/A: the file is encrypted")
        ids = self.pdf.trailer.get("ID")
        if not isinstance(ids, list) or len(ids) != 2:
            self.fail("PDF/A: the trailer has no /ID")
        if xmp is None:
            self.fail("PDF/A: no XMP metadata")
            return
        part, conformance = xmp_text(xmp, "pdfaid:part"), xmp_text(xmp, "pdfaid:conformance")
        if part not in ("1", "2", "3", "4") or (part != "4" and conformance not in ("A", "B", "U")):
            self.fail("PDF/A: the XMP does not declare the part and conformance (pdfaid:part '%s', pdfaid:conformance '%s')" % (part, conformance))
        if xmp_text(xmp, "pdfuaid:part") and "http://www.aiim.org/pdfua/ns/id/" not in [
                (e.text or "").strip() for e in xmp.iter(ns("pdfaSchema:namespaceURI"))]:
            self.fail("PDF/A: pdfuaid is used but not declared in a PDF/A extension schema")
        pairs = [("Title", "dc:title"), ("Author", "dc:creator"), ("Subject", "dc:description"),
                 ("Keywords", "pdf:Keywords"), ("Creator", "xmp:CreatorTool"), ("Producer", "pdf:Producer"),
                 ("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")]
        for key, prop in pairs:
            value = text_value(info.get(key))
            if not value:
                continue
            other = xmp_text(xmp, prop)
            if key.endswith("Date"):
                a, b = pdf_datetime(value), xmp_datetime(other)
                same = a is not None and a == b
            else:
                same = value == other
            if not same:
                self.fail("PDF/A: Info /%s '%s' and XMP %s '%s' differ" % (key, value, prop, other))
        intents = [self.pdf.get(i) for i in self.pdf.get(self.catalog.get("OutputIntents")) or []]
        pdfa_intents = [i for i in intents if isinstance(i, dict) and i.get("S") == "GTS_PDFA1"]
        if not pdfa_intents:
            self.fail("PDF/A: no GTS_PDFA1 output intent")
        profiles = {i.get("DestOutputProfile") for i in intents if isinstance(i, dict) and "DestOutputProfile" in i}
        if len(profiles) > 1:
            self.fail("PDF/A: the output intents name different profiles")
        self.intent_space = None
        for p in profiles:
            profile = self.pdf.get(p)
            if not isinstance(profile, dict) or not profile.get("__data__"):
                self.fail("PDF/A: the output intent's profile is missing")
            else:
                self.intent_space = {1: "Gray", 3: "RGB", 4: "CMYK"}.get(profile.get("N"))

    def check_colors(self, number, resources, families):
        if not hasattr(self, "intent_space"):
            intents = [self.pdf.get(i) for i in self.pdf.get(self.catalog.get("OutputIntents")) or []]
            self.intent_space = None
            for i in intents:
                if isinstance(i, dict) and "DestOutputProfile" in i:
                    profile = self.pdf.get(i["DestOutputProfile"]) or {}
                    self.intent_space = {1: "Gray", 3: "RGB", 4: "CMYK"}.get(profile.get("N"))
        spaces = self.pdf.get(resources.get("ColorSpace")) or {}
        for family in families:
            if family in ("Gray", self.intent_space) or "Default" + family in spaces:
                continue
            self.fail("PDF/A: page %d paints in Device%s, but the output intent is %s and no Default%s is set" % (
                number, family, self.intent_space or "missing", family))


# ----------------------------------------------------------------- helpers

XMP_NS = {
    "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/", "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


def ns(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (XMP_NS[prefix], local)


def xmp_text(root, name):
    """A property's value: simple text, the x-default entry of an rdf:Alt,
    or the entries of an rdf:Seq/Bag joined with ', '; also as an attribute."""
    for e in root.iter(ns(name)):
        alt = [li for li in e.iter(ns("rdf:li"))]
        if alt:
            default = [li for li in alt if li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"]
            if default:
                return (default[0].text or "").strip()
            return ", ".join((li.text or "").strip() for li in alt)
        return (e.text or "").strip()
    for e in root.iter(ns("rdf:Description")):
        if ns(name) in e.attrib:
            return e.attrib[ns(name)]
    return ""


def pdf_datetime(s):
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = m.group(7)
    offset = timedelta(0)
    if tz and tz != "Z":
        digits = tz.replace("'", "")
        offset = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5])) * (1 if digits[0] == "+" else -1)
    return datetime(y, mo, d, h, mi, se, tzinfo=timezone(offset))


def xmp_datetime(s):
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = m.group(7)
    offset = timedelta(0)
    if tz and tz != "Z":
        offset = timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6])) * (1 if tz[0] == "+" else -1)
    return datetime(y, mo, d, h, mi, se, tzinfo=timezone(offset))


def text_value(v):
    if v is None:
        return ""
    if isinstance(v, bytes):
        return text_string(v)
    return str(v)


def has_scope(pdf, node):
    attrs = pdf.get(node.get("A"))
    attrs = attrs if isinstance(attrs, list) else [attrs]
    for a in attrs:
        a = pdf.get(a)
        if isinstance(a, dict) and a.get("Scope") in ("Row", "Column", "Both"):
            return True
    return "Headers" in node  # a table organised with /Headers and /ID instead


def image_families(pdf, image):
    cs = pdf.get(image.get("ColorSpace"))
    if isinstance(cs, list) and cs and cs[0] == "Indexed" and len(cs) > 1:
        cs = pdf.get(cs[1])
    if isinstance(cs, list):
        return set()  # ICCBased, Lab, …: device independent
    return {"DeviceRGB": {"RGB"}, "DeviceCMYK": {"CMYK"}, "DeviceGray": {"Gray"}}.get(str(cs), set())


def effective_lang(pdf, elements, eid, doc_lang):
    seen = set()
    while eid is not None and eid in elements and eid not in seen:
        seen.add(eid)
        lang = text_value(elements[eid]["node"].get("Lang"))
        if lang:
            return lang
        eid = elements[eid]["parent"]
    return doc_lang


def lang_script(lang):
    parts = (lang or "").split("-")
    for p in parts[1:]:
        if len(p) == 4 and p.isalpha():
            return p.title()
    return DEFAULT_SCRIPT.get(parts[0].lower(), "Latn")


def letter_scripts(text):
    out = set()
    for ch in text:
        if not unicodedata.category(ch).startswith("L"):
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            out.add("Cyrl")
        elif name.startswith("ARABIC"):
            out.add("Arab")
        elif name.startswith("LATIN"):
            out.add("Latn")
    return out


def script_name(script):
    return {"Cyrl": "Cyrillic", "Arab": "Arabic", "Latn": "Latin"}.get(script, script)


def shorten(text):
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    unknown = flags - {"--pdfa", "--pdfua"}
    if unknown or not args:
        sys.stderr.write("usage: check_tagged_pdf.py [--pdfua] [--pdfa] FILE.pdf...\n")
        return 2
    status = 0
    for path in args:
        try:
            pdf = Pdf(path)
            checker = Checker(pdf, "--pdfua" in flags, "--pdfa" in flags)
            pages, elements, mcids = checker.run()
        except (ReadError, OSError) as e:
            print("%s: cannot be read: %s" % (path, e))
            status = max(status, 2)
            continue
        if checker.problems:
            for p in checker.problems:
                print("%s: %s" % (path, p))
            status = max(status, 1)
        else:
            print("%s: ok (%d pages, %d structure elements, %d marked-content sequences)" % (path, pages, elements, mcids))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
