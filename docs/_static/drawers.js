// furo's menu and contents icons are <label>s of hidden checkboxes: make them keyboard buttons.
document.querySelectorAll("label.nav-overlay-icon, label.toc-overlay-icon").forEach((label) => {
  const box = document.getElementById(label.htmlFor);
  const sync = () => label.setAttribute("aria-expanded", String(box.checked));
  label.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      box.click();
    }
  });
  box.addEventListener("change", () => {
    sync();
    const drawer = document.querySelector(box.id === "__toc" ? ".toc-drawer" : ".sidebar-drawer");
    // The drawer becomes visible (snippet.css) before focus moves into it.
    if (box.checked && label.matches(":focus-visible")) {
      const targets = drawer.querySelectorAll("a[href], input:not([type=hidden])");
      requestAnimationFrame(() => [...targets].find((el) => el.getClientRects().length)?.focus());
    }
  });
  sync();
});
// Escape closes an open drawer and returns focus to the button that opened it.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("input.sidebar-toggle:checked").forEach((box) => {
    box.click();
    const label = [...document.querySelectorAll(`label[for="${box.id}"][tabindex]`)].find(
      (each) => each.offsetParent !== null,
    );
    label?.focus();
  });
});
