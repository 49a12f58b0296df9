// 运行: run a snippet's cells in this browser, under Pyodide (docs/_ext/browserrun.py).
// Each box that docs/_ext/browserrun.py marks data-run gets an editable code block, a 运行
// button (or Ctrl+Enter in the code) and a 还原 button once edited. A press runs the cells of
// the box's snippet from the first one on the page up to this one, as edited, in a Web Worker
// (docs/_static/run-worker.mjs), which loads Pyodide from this site on the first press only
// (and a group of wheels such as Flask's on the first press on a box whose data-wheels names it).
// What the cells printed goes under the checked output, inside the box (tests/test_browser_run.py).
(() => {
  const workerURL = new URL("run-worker.mjs", document.currentScript.src);
  let worker = null;
  let nextId = 0;
  const waiting = new Map(); // message id -> {progress, done, failed}

  // Every waiting press hears of the one start's progress, and of its failure.
  function stop(text) {
    worker?.terminate();
    worker = null;
    for (const handler of waiting.values()) handler.failed({ text });
    waiting.clear();
  }

  function post(rel, cells, groups, handlers) {
    if (!worker) {
      worker = new Worker(workerURL, { type: "module" });
      worker.onmessage = ({ data }) => {
        if (data.type === "progress") {
          for (const handler of waiting.values()) handler.progress(data);
          return;
        }
        const handler = waiting.get(data.id);
        waiting.delete(data.id);
        handler?.[data.type](data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        stop(event.message || "无法启动运行环境（Web Worker）");
      };
    }
    const id = nextId++;
    waiting.set(id, handlers);
    worker.postMessage({ id, rel, cells, groups });
  }

  const codeOf = (box) => box.querySelector(".highlight-python pre");
  // The code as the reader sees it: edited code by its rendering, untouched code as written.
  const textOf = (box) => {
    const pre = codeOf(box);
    return "edited" in box.dataset ? pre.innerText : pre.textContent;
  };

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showResult(box, title, text) {
    box.querySelector(":scope .snippet-run")?.remove();
    const result = element("div", "snippet-run");
    result.append(element("div", "snippet-run-label", title));
    const pre = element("pre", "", text);
    pre.tabIndex = 0;
    pre.setAttribute("role", "group");
    pre.setAttribute("aria-label", `${box.dataset.snippet} · 浏览器里的输出`);
    result.append(pre);
    (box.querySelector(":scope > details") ?? box).append(result);
  }

  function run(box, button, status, halt) {
    const rel = box.dataset.snippet;
    const boxes = [...document.querySelectorAll(".snippet[data-run]")].filter(
      (each) => each.dataset.snippet === rel,
    );
    const cells = boxes
      .slice(0, boxes.indexOf(box) + 1)
      .map((each) => [each.dataset.cell, textOf(each)]);
    button.disabled = true;
    halt.hidden = false;
    status.textContent = "准备运行……";
    // The groups of wheels the snippet needs besides the core (Flask's), installed at the
    // first press that needs them: no other snippet downloads them.
    const groups = (box.dataset.wheels ?? "").split(" ").filter(Boolean);
    post(rel, cells, groups, {
      progress: ({ text }) => {
        status.textContent = text;
      },
      done: ({ results, seconds, python }) => {
        button.disabled = false;
        halt.hidden = true;
        const own = results[results.length - 1];
        const title = `浏览器里的运行结果（Pyodide · Python ${python}，用时 ${seconds.toFixed(2)} 秒）`;
        const text = own.stdout + own.stderr + own.error;
        // As under doctest, a cell that raises does not stop the next: say which did.
        const raised = results.slice(0, -1).filter((each) => each.error);
        const before = raised.length
          ? `（前面的单元 ${raised.map((each) => each.cell).join("、")} 抛出了异常）`
          : "";
        status.textContent = (own.error ? "运行完毕：抛出了异常，见下面的 Traceback。" : "运行完毕。") + before;
        showResult(box, title, text || "（没有输出）");
      },
      failed: ({ text }) => {
        button.disabled = false;
        halt.hidden = true;
        status.textContent = text === "已停止。" ? text : `没能运行：${text}`;
      },
    });
  }

  for (const box of document.querySelectorAll(".snippet[data-run]")) {
    const pre = codeOf(box);
    if (!pre) continue;
    const original = pre.innerHTML;
    pre.contentEditable = "plaintext-only";
    pre.spellcheck = false;
    pre.setAttribute("autocapitalize", "off");
    pre.setAttribute("role", "textbox");
    pre.setAttribute("aria-multiline", "true");

    const bar = element("div", "snippet-run-bar");
    const button = element("button", "snippet-run-button", "运行");
    button.type = "button";
    button.title = "在浏览器里运行这段代码及同一文件里它前面的单元（在代码里按 Ctrl+Enter 也可以）";
    const reset = element("button", "snippet-run-reset", "还原");
    reset.type = "button";
    reset.title = "把改过的代码恢复原样";
    reset.hidden = true;
    // A cell that never ends (while True) would hold the worker: 停止 ends it, and a new
    // worker starts at the next press (loading Pyodide again).
    const halt = element("button", "snippet-run-stop", "停止");
    halt.type = "button";
    halt.title = "停止运行（下次运行要重新加载 Python 运行时）";
    halt.hidden = true;
    const status = element("span", "snippet-run-status");
    status.setAttribute("role", "status");
    bar.append(button, halt, reset, status);
    halt.addEventListener("click", () => stop("已停止。"));
    const wrapper = pre.closest(".literal-block-wrapper");
    wrapper.after(bar);

    button.addEventListener("click", () => run(box, button, status, halt));
    pre.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (!button.disabled) run(box, button, status, halt);
      }
    });
    pre.addEventListener("input", () => {
      box.dataset.edited = "";
      reset.hidden = false;
      status.textContent = "代码已修改，按“运行”看修改后的输出。";
    });
    reset.addEventListener("click", () => {
      pre.innerHTML = original;
      delete box.dataset.edited;
      reset.hidden = true;
      box.querySelector(":scope .snippet-run")?.remove();
      status.textContent = "已还原。";
      pre.focus();
    });
  }
})();
