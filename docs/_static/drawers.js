// furo's menu and contents icons, as buttons (docs/_ext/drawerbuttons.py): a press toggles the
// hidden checkbox from which furo's CSS opens the drawer; aria-expanded follows it.
document.querySelectorAll("button[data-drawer]").forEach((button) => {
  const box = document.getElementById(button.dataset.drawer);
  const sync = () => button.setAttribute("aria-expanded", String(box.checked));
  button.addEventListener("click", () => box.click());
  box.addEventListener("change", () => {
    sync();
    const drawer = document.querySelector(box.id === "__toc" ? ".toc-drawer" : ".sidebar-drawer");
    // The drawer becomes visible (drawers.css) before focus moves into it.
    if (box.checked && button.matches(":focus-visible")) {
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
    const button = [...document.querySelectorAll(`button[data-drawer="${box.id}"]`)].find(
      (each) => each.offsetParent !== null,
    );
    button?.focus();
  });
});
