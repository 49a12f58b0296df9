/* Search ranking of this site (conf.py: html_search_scorer).
 *
 * Sphinx gives every page that merely contains a word the same score and breaks ties by
 * title, and ranks a glossary entry named exactly like the query above every chapter.
 * Here a chapter whose title names the query comes first, then the other chapters in
 * reading order (the sidebar's), and the glossary's one-line definitions after them.
 */
var Scorer = {
  score: (result) => {
    const [docname, title, , , score] = result;
    const words = (new URLSearchParams(location.search).get("q") || "")
      .toLowerCase().split(/\s+/).filter(Boolean);
    const chapters = [...document.querySelectorAll(".sidebar-tree a.reference")]
      .map((link) => link.getAttribute("href").replace(/\.html.*$/, ""));
    if (docname === "glossary") return Math.min(score, 4);  // below any chapter's text match
    const named = words.length && words.every((word) => title.toLowerCase().includes(word));
    const position = chapters.indexOf(docname);
    const order = position < 0 ? 0 : (chapters.length - position) / (chapters.length + 1);
    return score + (named ? 20 : 0) + order;  // order < 1: it only breaks ties
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
