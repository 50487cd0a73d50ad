// Compiles one Typst document to PDF with Typst 0.14.2 as the Node addon
// @myriaddreamin/typst-ts-node-compiler 0.7.0 packages it, and prints how long
// compiling and writing the PDF took inside the process (bench/run.py also
// measures the whole process around it).
//
//   node bench/typst_node.js <node_modules dir> <root dir> <main.typ> <out.pdf> <font dir>...
//
// Prints one JSON line: {"compile_ms": …, "pdf_ms": …, "pages": …, "bytes": …}.
"use strict";
const path = require("path");
const fs = require("fs");

const [modules, root, main, out, ...fontPaths] = process.argv.slice(2);
const { NodeCompiler } = require(path.resolve(modules, "@myriaddreamin", "typst-ts-node-compiler"));

const t0 = process.hrtime.bigint();
const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths }] });
const t1 = process.hrtime.bigint();
const result = compiler.compile({ mainFilePath: path.resolve(root, main) });
const doc = result.result;
if (!doc || result.hasError()) {
  result.printDiagnostics();
  process.exit(1);
}
const t2 = process.hrtime.bigint();
const pdf = compiler.pdf(doc);
const t3 = process.hrtime.bigint();
fs.writeFileSync(out, pdf);
const ms = (a, b) => Number(b - a) / 1e6;
console.log(JSON.stringify({
  create_ms: ms(t0, t1),        // font discovery
  compile_ms: ms(t1, t2),       // parse, evaluate, lay out
  pdf_ms: ms(t2, t3),           // export
  compile_pdf_ms: ms(t1, t3),   // the "compile+PDF alone"
  pages: doc.numOfPages,
  bytes: pdf.length,
}));
