// The worker behind 运行 (docs/_static/run.js): loads Pyodide from this site on the first
// message, keeps it for the next ones, installs the groups of wheels a snippet needs besides the
// core (e.g. Flask's) the first time one needs them, and runs a snippet's cells
// (docs/_ext/pyodide_runner.py).
// Messages in: {id, rel, cells: [[name, code], ...], groups: ["flask", ...]}. Out:
// {type: "progress", text} (for every press waiting),
// {id, type: "done", results, seconds, python}, {id, type: "failed", text}.
import { loadPyodide } from "../_pyodide/pyodide.mjs";
import { installGroups, runCells, startPyodide } from "../_pyodide/setup.mjs";

const base = new URL("../_pyodide/", import.meta.url);
let ready = null;
let manifest = null;

async function read(path) {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function start(progress) {
  manifest = JSON.parse(new TextDecoder().decode(await read("manifest.json")));
  return startPyodide(loadPyodide, base.href, manifest, read, progress);
}

self.onmessage = async ({ data: { id, rel, cells, groups } }) => {
  const progress = (text) => postMessage({ type: "progress", text });
  try {
    // A failed start is tried again on the next press; a failed install of a group only
    // that group (installGroups), on the runtime already loaded.
    ready ??= start(progress).catch((error) => {
      ready = null;
      throw error;
    });
    const pyodide = await ready;
    await installGroups(pyodide, manifest, groups, read, progress);
    progress("运行中……");
    const begin = performance.now();
    const results = runCells(pyodide, rel, cells);
    const seconds = (performance.now() - begin) / 1000;
    postMessage({ id, type: "done", results, seconds, python: manifest.python });
  } catch (error) {
    postMessage({ id, type: "failed", text: String(error?.message ?? error) });
  }
};
