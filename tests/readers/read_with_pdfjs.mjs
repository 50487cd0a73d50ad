// Reads one PDF the way Firefox does, with Mozilla PDF.js (pdfjs-dist), and
// checks it against what pdftotext and MuPDF read from the same file:
//   node read_with_pdfjs.mjs FILE.pdf [--min-words N]
// Prints one line per finding and a summary; exits 1 when anything is wrong.
//  1. getTextContent: the page text (items joined as PDF.js's find controller
//     joins them, a line-end hyphen rejoining its word) has exactly the words
//     pdftotext reads.
//  2. PDFFindController (Firefox's Find, driven through its event bus): every
//     word is found as often as pdftotext has it.
//  3. getStructTree + marked content: the text in structure order glues no
//     two words (every word it holds is one pdftotext reads).
//  4. Reading order: no list bullet right after a word.
//  5. MuPDF (mutool draw -F txt) reads the same words as pdftotext.
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { execFileSync } from "node:child_process";
import fs from "node:fs";

// pdf_viewer.mjs touches a few browser globals when it loads; the find
// controller itself uses none of them.
globalThis.pdfjsLib = pdfjs;
const style = new Proxy({}, { get: () => "", set: () => true });
globalThis.document ??= { documentElement: { style }, createElement: () => ({ style }), addEventListener() {} };
globalThis.window ??= { requestAnimationFrame: f => setTimeout(f, 0), addEventListener() {}, removeEventListener() {} };
globalThis.navigator ??= { userAgent: "", platform: "", language: "en" };
const { PDFFindController, EventBus } = await import("pdfjs-dist/legacy/web/pdf_viewer.mjs");

const file = process.argv[2];
const minWords = Number(process.argv[process.argv.indexOf("--min-words") + 1] || 50);
const problems = [];
const problem = s => problems.push(s);

// Words: letters, digits and inner marks; punctuation around them dropped.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-'’.,:\u00A0][\p{L}\p{N}\p{M}]+)*/gu;
const words = text => (text.normalize("NFC").match(WORD) ?? []);
// A hyphen at the end of a line joins the word it splits ("xal-\nqının"),
// as PDF.js's find does ("\S-\n" is removed).
// (MuPDF leaves an empty line after a line that ends in a hyphenated word.)
const rejoin = text => text.replace(/(\S)-\n\n?(?=\S)/gu, "$1");
const counts = list => list.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map());

const pdftotext = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
const reference = counts(words(pdftotext));
const total = [...reference.values()].reduce((a, b) => a + b, 0);
if (total < minWords) problem(`pdftotext read only ${total} words (expected at least ${minWords})`);

function compare(what, got) {
  let wrong = 0;
  for (const [w, n] of got) if ((reference.get(w) ?? 0) < n && wrong++ < 20) problem(`${what}: '${w}' ${n}x, pdftotext ${reference.get(w) ?? 0}x`);
  for (const [w, n] of reference) if ((got.get(w) ?? 0) < n && wrong++ < 20) problem(`${what}: misses '${w}' (${got.get(w) ?? 0} of ${n})`);
  return wrong;
}

const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;

// 1 and 4: getTextContent, page by page.
let pageText = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tc = await page.getTextContent({ disableNormalization: true });
  pageText.push(tc.items.map(it => it.str + (it.hasEOL ? "\n" : "")).join(""));
}
const allText = pageText.map(rejoin).join("\n");
compare("PDF.js getTextContent", counts(words(allText)));
const lateBullets = allText.match(/[\p{L}\p{N}][;.,:]?•/gu) ?? [];
for (const b of lateBullets) problem(`PDF.js getTextContent: a bullet after a word ('${b}')`);
const bullets = (allText.match(/•/g) ?? []).length;

// 2: Firefox's Find: each distinct word, whole word, case-insensitive.
const eventBus = new EventBus();
const find = new PDFFindController({ linkService: { pagesCount: doc.numPages, page: 1 }, eventBus,
                                     updateMatchesCountOnProgress: false });
find.setDocument(doc);
const keepAlive = setInterval(() => {}, 1000);
// Whole words, except for numbers: PDF.js counts an en dash as a letter, so
// "19" is no whole word in "19–20".
const findCount = query => new Promise(resolve => {
  const done = e => { eventBus.off("updatefindmatchescount", done); resolve(e.matchesCount.total); };
  eventBus.on("updatefindmatchescount", done);
  eventBus.dispatch("find", { source: null, type: "again", query, caseSensitive: false, entireWord: !/^\p{N}+$/u.test(query),
                              highlightAll: false, findPrevious: false, matchDiacritics: true });
});
let found = 0, missed = 0;
for (const [w, n] of reference) {
  // A word holding punctuation is found as written; PDF.js counts a match per occurrence.
  const got = await findCount(w);
  if (got >= n) ++found;
  else if (missed++ < 20) problem(`PDF.js find: '${w}' found ${got} of ${n} times`);
}
clearInterval(keepAlive);

// 3: the structure tree, its marked content in reading order.
let structWords = 0, glued = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tc = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
  const byId = new Map();
  const open = [];
  for (const it of tc.items) {
    if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") open.push(it.id ?? null);
    else if (it.type === "endMarkedContent") open.pop();
    else {
      // A line end is where PDF.js marks one (hasEOL), as its find and text layer read it.
      const id = open.findLast(x => x);
      if (id) byId.set(id, (byId.get(id) ?? "") + (it.hasEOL ? it.str + "\n" : it.str));
    }
  }
  const tree = await page.getStructTree();
  const pieces = [];
  const walk = node => {
    if (!node) return;
    if (node.type === "content") pieces.push(byId.get(node.id) ?? "");
    for (const kid of node.children ?? []) walk(kid);
  };
  walk(tree);
  // Pieces are joined with nothing in between: a space or line end must be in the text.
  const text = pieces.join("");
  for (const w of words(rejoin(text))) {
    ++structWords;
    if (!reference.has(w) && glued++ < 20) problem(`PDF.js structure text, page ${p}: '${w}' is no word pdftotext reads (glued?)`);
  }
}
if (structWords < total * 0.8) problem(`PDF.js structure text holds ${structWords} words of ${total}`);

// 5: MuPDF.
const mupdf = execFileSync("mutool", ["draw", "-q", "-F", "txt", "-o", "-", file], { encoding: "utf8" });
const muWrong = compare("MuPDF", counts(words(rejoin(mupdf))));

console.log(`${file}: ${total} words (${reference.size} distinct); PDF.js find ${found} found, ${missed} missed; ` +
            `structure text ${structWords} words, ${glued} glued; ${bullets} bullets, ${lateBullets.length} after a word; ` +
            `MuPDF ${muWrong} differences`);
for (const s of problems) console.log("  " + s);
process.exit(problems.length ? 1 : 0);
