// Start Pyodide and install what the snippets import. Shared by the page's worker
// (docs/_static/run-worker.mjs, which reads over HTTP) and tests/pyodide_run.mjs (which reads
// files), so the tests install exactly what a reader's browser installs.
// manifest: _pyodide/manifest.json, written by docs/_ext/browserrun.py. Its wheels come in
// groups: startPyodide() installs "core" (SQLAlchemy); installGroups() the others a snippet
// needs (its box's data-wheels, e.g. "flask"), each once, the first time one is needed.
// read(path): the bytes (Uint8Array) of a file under _pyodide/, by its path there.
const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
const installed = new WeakMap(); // pyodide -> Map(group -> Promise of its install)

export async function startPyodide(loadPyodide, indexURL, manifest, read, progress = () => {}) {
  progress(
    `正在加载 Python 运行时：Pyodide ${manifest.pyodide}（Python ${manifest.python}），` +
      `约 ${megabytes(manifest.runtime_bytes)} MB；这个页面里以后的运行不再加载……`,
  );
  const pyodide = await loadPyodide({ indexURL });
  installed.set(pyodide, new Map());
  await installGroups(pyodide, manifest, ["core"], read, progress);
  const sitePackages = sitePackagesOf(pyodide);
  for (const module of manifest.modules) {
    pyodide.FS.writeFile(`${sitePackages}/${module}`, await read(`py/${module}`));
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  return pyodide;
}

// Install each group of wheels not yet installed (one that failed is tried again next time).
export async function installGroups(pyodide, manifest, groups, read, progress = () => {}) {
  const done = installed.get(pyodide);
  for (const group of groups) {
    if (!done.has(group)) {
      const install = installGroup(pyodide, manifest, group, read, progress);
      done.set(group, install);
      install.catch(() => done.delete(group));
    }
    await done.get(group);
  }
}

async function installGroup(pyodide, manifest, group, read, progress) {
  const { wheels, bytes } = manifest.groups[group];
  const names = wheels.map((wheel) => wheel.name).join("、");
  const later = group === "core" ? "" : "；这个页面里以后的运行不再安装";
  progress(`正在安装 ${names}（约 ${megabytes(bytes)} MB）${later}……`);
  const sitePackages = sitePackagesOf(pyodide);
  for (const wheel of wheels) {
    pyodide.unpackArchive(await read(`wheels/${wheel.file}`), "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

// Into site-packages (unpackArchive's default is the working directory, which the runner
// changes for each run).
function sitePackagesOf(pyodide) {
  return pyodide.runPython("import os, sysconfig; os.path.normpath(sysconfig.get_path('purelib'))");
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
