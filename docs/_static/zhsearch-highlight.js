/* Search results link to their section with ?highlight=words; Sphinx's sphinx_highlight.js
 * then marks those words on the page.  Inside an SVG it measures the parent of each match
 * with getBBox(), which only drawn elements have: a match in an icon's <title> (furo's
 * "Contents", "Light mode"...) threw "parent.getBBox is not a function" and stopped the
 * highlighting.  Such elements get the class its own opt-out reads, before it runs.
 */
document.querySelectorAll("svg *").forEach((element) => {
  if (typeof element.getBBox !== "function") element.classList.add("nohighlight");
});
