// Run snippets under Pyodide in Node, as a reader's browser does (tests/test_pyodide.py).
// Usage: node pyodide_run.mjs SITE_PYODIDE_DIR RESULTS_JSON < snippets.json
//   SITE_PYODIDE_DIR: the built site's _pyodide/ (Pyodide, wheels, manifest.json, py/)
//   snippets.json: [{"rel": "page/x.py", "cells": [["name", "code"], ...]}, ...]
// Writes to RESULTS_JSON [{"rel": ..., "results": [{cell, stdout, stderr, error}, ...]}, ...].
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(join(dir, "pyodide.mjs")).href);
const { startPyodide, runCells } = await import(pathToFileURL(join(dir, "setup.mjs")).href);
const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
const read = async (path) => new Uint8Array(await readFile(join(dir, path)));
const pyodide = await startPyodide(loadPyodide, dir + "/", manifest, read);

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { rel, cells } of JSON.parse(input)) {
  out.push({ rel, results: runCells(pyodide, rel, cells) });
}
await writeFile(process.argv[3], JSON.stringify(out));
