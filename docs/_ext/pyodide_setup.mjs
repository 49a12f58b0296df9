// Start Pyodide and install what the snippets import. Shared by the page's worker
// (docs/_static/run-worker.mjs, which reads over HTTP) and tests/pyodide_run.mjs (which reads
// files), so the tests install exactly what a reader's browser installs.
// manifest: _pyodide/manifest.json, written by docs/_ext/browserrun.py.
// read(path): the bytes (Uint8Array) of a file under _pyodide/, by its path there.
export async function startPyodide(loadPyodide, indexURL, manifest, read, progress = () => {}) {
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  progress(
    `正在加载 Python 运行时：Pyodide ${manifest.pyodide}（Python ${manifest.python}），` +
      `约 ${megabytes(manifest.runtime_bytes)} MB；这个页面里以后的运行不再加载……`,
  );
  const pyodide = await loadPyodide({ indexURL });
  const names = manifest.wheels.map((wheel) => wheel.name).join("、");
  progress(`正在安装 ${names}（约 ${megabytes(manifest.wheel_bytes)} MB）……`);
  // Into site-packages (unpackArchive's default is the working directory, which the
  // runner changes for each run).
  const sitePackages = pyodide.runPython(
    "import os, sysconfig; os.path.normpath(sysconfig.get_path('purelib'))",
  );
  for (const wheel of manifest.wheels) {
    pyodide.unpackArchive(await read(`wheels/${wheel.file}`), "wheel", { extractDir: sitePackages });
  }
  for (const module of manifest.modules) {
    pyodide.FS.writeFile(`${sitePackages}/${module}`, await read(`py/${module}`));
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  return pyodide;
}

// Run cells [[name, code], ...] of snippet rel (pyodide_runner.run); plain objects back.
export function runCells(pyodide, rel, cells) {
  const run = pyodide.pyimport("pyodide_runner").run;
  const results = run(rel, pyodide.toPy(cells));
  try {
    return results.toJs({ dict_converter: Object.fromEntries });
  } finally {
    results.destroy();
    run.destroy();
  }
}
