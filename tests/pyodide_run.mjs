// Run snippets under Pyodide in Node, as a reader's browser does (tests/test_pyodide.py):
// docs/_ext/pyodide_setup.mjs starts Pyodide with the core wheels and installs the groups of
// wheels each snippet needs, in the order given, as the page's worker does.
// Usage: node pyodide_run.mjs SITE_PYODIDE_DIR RESULTS_JSON < snippets.json
//   SITE_PYODIDE_DIR: the built site's _pyodide/ (Pyodide, wheels, manifest.json, py/)
//   snippets.json: [{"rel": "page/x.py", "groups": ["flask"], "cells": [["name", "code"], ...]},
//     ...] (groups: the box's data-wheels, besides the core)
// Writes to RESULTS_JSON {"started": [files read to start], "snippets": [{"rel": ...,
//   "read": [files read for it], "results": [{cell, stdout, stderr, error}, ...]}, ...]}
// (files by their path under _pyodide/).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(join(dir, "pyodide.mjs")).href);
const { installGroups, runCells, startPyodide } = await import(
  pathToFileURL(join(dir, "setup.mjs")).href
);
const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
const reads = [];
const read = async (path) => {
  reads.push(path);
  return new Uint8Array(await readFile(join(dir, path)));
};
const pyodide = await startPyodide(loadPyodide, dir + "/", manifest, read);
const started = reads.splice(0);

let input = "";
for await (const chunk of process.stdin) input += chunk;
const snippets = [];
for (const { rel, groups, cells } of JSON.parse(input)) {
  await installGroups(pyodide, manifest, groups, read);
  snippets.push({ rel, read: reads.splice(0), results: runCells(pyodide, rel, cells) });
}
await writeFile(process.argv[3], JSON.stringify({ started, snippets }));
