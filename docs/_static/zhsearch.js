/* The site's search page (search.html?q=...), on the index docs/_ext/zhsearch.py writes.
 *
 * A query is cut into the index's own words: Chinese by the longest words the index knows
 * (the index holds jieba's words of every page, so 对象状态 is found as 对象 + 状态), Latin
 * as lowercased words the way zhsearch.py cuts them.  Whatever the index does not know is
 * left out: an object's address, a session id, the sqlalche.me link of a pasted message.
 * Each section scores by its matches (rarer words weigh more) times the square of the share
 * of the query it holds, plus a bonus when its title holds the query and the query its
 * title (an errors-page heading and the message pasted from a traceback).  A title's word
 * counts less in a long title, and not at all for a whole query word that the title has
 * only inside a longer word.  Results link to the section itself.
 */
"use strict";
(() => {
  const INDEX = window.ZHSEARCH;
  const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  const HAS_CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const LATIN = /[a-z0-9_]+/g;
  const LONGEST = 8; // characters of the longest Chinese word tried
  const SHOWN = 20; // results listed
  const TITLE_BONUS = 10;
  const EXCEPTION = /^[a-z]+(error|exception|failure|warning|notavailable)$/;
  const SECTIONS = INDEX.sections.length;
  const AVERAGE = INDEX.sections.reduce((sum, section) => sum + section[5], 0) / SECTIONS;
  const TITLED = INDEX.sections.filter((section) => section[4] > 0);
  const TITLE_AVERAGE = TITLED.reduce((sum, section) => sum + section[4], 0) / TITLED.length;
  const K1 = 1.2; // BM25: how fast more occurrences stop counting
  const B = 0.75; // BM25: how much a long section's occurrences count less
  const PAGE = 0.1; // how much the rest of a page's matches add to each of its sections

  // A word's sections, as zhsearch.py's encode() writes them: [section, count, in title]...
  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const decoded = new Map();
  const postings = (word) => {
    if (decoded.has(word)) return decoded.get(word);
    const text = INDEX.words[word];
    const numbers = [];
    for (let i = 0, value = 0, shift = 0; i < text.length; i++) {
      const digit = ALPHABET.indexOf(text[i]);
      value += (digit & 31) << shift;
      if (digit >= 32) shift += 5;
      else {
        numbers.push(value);
        value = shift = 0;
      }
    }
    const list = [];
    for (let i = 0, section = 0; i < numbers.length; i += 2) {
      section += numbers[i];
      list.push([section, (numbers[i + 1] >> 1) / 2, numbers[i + 1] & 1]);
    }
    decoded.set(word, list);
    return list;
  };
  const known = (word) => Object.prototype.hasOwnProperty.call(INDEX.words, word);
  // The same plural folding as zhsearch.py's latin_word().
  const latinWord = (w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

  // What a pasted error message holds that is never a word of the site.
  const dropNoise = (text) =>
    text
      .replace(/\(background on this error at:[^)]*\)?/g, " ")
      .replace(/(https?:\/\/|www\.)\S+/g, " ")
      .replace(/\b0x[0-9a-f]+\b/g, " ");

  // The known words that cut run best: as few and as long as possible.
  const segment = (run) => {
    const best = [[0, []]];
    for (let end = 1; end <= run.length; end++) {
      let choice = best[end - 1]; // the character before end is no word the index knows
      for (let length = Math.min(LONGEST, end); length >= 1; length--) {
        const word = run.slice(end - length, end);
        const score = best[end - length][0] + length * length;
        if (known(word) && score > choice[0]) choice = [score, [...best[end - length][1], [word, end - length]]];
      }
      best.push(choice);
    }
    return best[run.length][1]; // [word, where it starts]...
  };

  const CJK_PHRASES = INDEX.synonyms.flat().filter((phrase) => HAS_CJK.test(phrase)).sort((a, b) => b.length - a.length);
  const mentions = (text, phrase) => // a Latin phrase, as whole words
    new RegExp(`(^|[^a-z0-9_])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9_])`).test(text);

  /* The index words of a query, each with how much it counts (1, or 0.5 for a part). */
  const queryWords = (query) => {
    const text = dropNoise(query.normalize("NFKC").toLowerCase());
    const words = new Map();
    const add = (word, weight) => {
      if (known(word) && !(words.get(word) >= weight)) words.set(word, weight);
    };
    // The Chinese synonyms a run says, the longest first, and the words of the run inside
    // them: 读已提交 (read committed) is one match, not also 提交 (commit), 读 and 已; the
    // 线程 (thread) of 多线程 leaves the word 多线程.
    const said = new Set();
    for (const run of text.match(CJK) || []) {
      const inside = new Set();
      let rest = run;
      for (const phrase of CJK_PHRASES) {
        for (let at = rest.indexOf(phrase); at >= 0; at = rest.indexOf(phrase)) {
          said.add(phrase);
          for (let i = at; i < at + phrase.length; i++) inside.add(i);
          rest = rest.slice(0, at) + " ".repeat(phrase.length) + rest.slice(at + phrase.length);
        }
      }
      for (const [word, start] of segment(run)) {
        if (inside.has(start) && inside.has(start + word.length - 1)) continue;
        add(word, 1);
        for (let length = 2; length < word.length; length++) { // jieba's cut_for_search parts
          for (let from = 0; from + length <= word.length; from++) add(word.slice(from, from + length), 0.5);
        }
      }
    }
    for (const word of text.match(LATIN) || []) {
      add(latinWord(word), 1);
      if (word.replace(/^_+|_+$/g, "").includes("_")) {
        word.split("_").forEach((part) => add(latinWord(part), 0.5));
      }
    }
    // A word of a synonym group counts once, as its group: 合并 and merge in one title are
    // one match, not two (the index counts a group wherever one of its words occurs).
    INDEX.synonyms.forEach((group, number) => {
      if (!group.some((phrase) => (HAS_CJK.test(phrase) ? said.has(phrase) : mentions(text, phrase)))) return;
      for (const phrase of group) {
        if (!words.has(phrase)) continue;
        words.delete(phrase);
        phrase.split("_").forEach((part) => words.delete(latinWord(part))); // its parts too
      }
      add(`~${number}`, 1);
    });
    return words;
  };

  const search = (query) => {
    const words = queryWords(query);
    let whole = 0;
    const found = new Map();
    const exceptions = [];
    for (const [word, weight] of words) {
      const list = postings(word);
      const idf = Math.log(1 + SECTIONS / list.length);
      whole += weight * idf;
      if (EXCEPTION.test(word)) exceptions.push(word);
      for (const [section, count, titled] of list) {
        // A whole word of the query is not one of a title that has it only inside a longer
        // word (对象 of 对象图); a part of the query (阶段 of 两阶段提交) is.
        const inTitle = titled && !(weight === 1 && (INDEX.sections[section][6] || []).includes(word));
        let hit = found.get(section);
        if (!hit) found.set(section, (hit = { section, matched: 0, sum: 0, title: 0, titleIdf: 0, exception: false }));
        const length = INDEX.sections[section][5];
        const titleWeight = INDEX.sections[section][4]; // 0: a title several pages use
        const bm25 = (count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / AVERAGE));
        // A word of a long title (an error message) says less than one of a short title.
        const short = inTitle && titleWeight ? Math.min(1, 1 / (1 - B + (B * titleWeight) / TITLE_AVERAGE)) : 0;
        hit.matched += weight * idf;
        hit.sum += weight * idf * (bm25 + short);
        if (inTitle) {
          hit.title += weight * idf;
          hit.titleIdf += idf;
          if (exceptions.includes(word)) hit.exception = true;
        }
      }
    }
    const pages = new Map();
    const results = [...found.values()].map((hit) => {
      const [doc, , , , titleWeight] = INDEX.sections[hit.section];
      const share = hit.matched / whole;
      const titleShare = titleWeight ? Math.min(1, hit.titleIdf / titleWeight) : 0;
      let score = hit.sum * share * share + TITLE_BONUS * (hit.title / whole) * titleShare;
      if (hit.exception) score *= 1.5; // a pasted message: the section named after its error
      score *= INDEX.docs[doc][2];
      pages.set(doc, (pages.get(doc) || 0) + score);
      return { ...hit, doc, score };
    });
    results.forEach((hit) => (hit.score += PAGE * (pages.get(hit.doc) - hit.score)));
    results.sort((a, b) => b.score - a.score || a.section - b.section);
    return { words, results };
  };

  const element = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    node.append(...children);
    return node;
  };

  const show = (query) => {
    const out = document.getElementById("search-results");
    document.querySelectorAll('input[name="q"]').forEach((input) => (input.value = query));
    out.replaceChildren();
    if (!query.trim()) {
      out.append(element("p", { class: "search-summary" }, "在左上角的搜索框里输入要找的内容。"));
      return;
    }
    const { words, results } = search(query);
    const suffix = (window.DOCUMENTATION_OPTIONS && DOCUMENTATION_OPTIONS.FILE_SUFFIX) || ".html";
    const highlight = [...words].filter(([w, weight]) => weight === 1 && !w.startsWith("~")).map(([w]) => w);
    const list = element("ul", { class: "search" });
    for (const hit of results.slice(0, SHOWN)) {
      const [doc, anchor, title, excerpt] = INDEX.sections[hit.section];
      const [docname, docTitle] = INDEX.docs[doc];
      const params = highlight.length ? `?highlight=${encodeURIComponent(highlight.slice(0, 10).join(" "))}` : "";
      const href = `${docname}${suffix}${params}${anchor ? `#${anchor}` : ""}`;
      const item = element("li", {}, element("a", { href }, title));
      if (anchor) item.append(element("span", { class: "search-page" }, ` · ${docTitle}`));
      if (excerpt) item.append(element("p", { class: "context" }, excerpt));
      list.append(item);
    }
    const summary = results.length
      ? `找到 ${results.length} 个相关小节${results.length > SHOWN ? `，下面列出最相关的 ${SHOWN} 个` : ""}。`
      : "没有找到相关的小节。换个说法试试，例如只留下报错的类名，或者用更短的词。";
    out.append(element("p", { class: "search-summary" }, summary), list);
  };

  const run = () => show(new URLSearchParams(window.location.search).get("q") || "");
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  window.ZhSearch = { search, queryWords };
})();
