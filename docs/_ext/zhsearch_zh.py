"""Sphinx's zh search language with jieba's dictionaries loaded late and its stemmer fixed."""

from __future__ import annotations

from sphinx.search.zh import SearchChinese, jieba_load_userdict


class LazySearchChinese(SearchChinese):
    """Sphinx 9.0's zh search with two fixes.

    The stock class loads the user dictionary (and so jieba's 5 MB main dictionary)
    when the HTML builder starts, even for a no-op rebuild (~2 s); this waits for the
    first text to segment.

    It also ships english-stemmer.js but names the JS class after language_name, so
    language_data.js ends ``window.Stemmer = ChineseStemmer``, which is undefined, and
    every search on search.html fails (sphinx-doc/sphinx#14229, fixed in Sphinx 9.1).
    """

    language_name = "English"  # the name of the stemmer class it ships

    def __init__(self, options: dict[str, str]) -> None:
        self.user_dict = options.get("dict", "")
        super().__init__({**options, "dict": ""})

    def split(self, input: str) -> list[str]:
        load_user_dict(self.user_dict)
        return super().split(input)


_loaded: set[str] = set()


def load_user_dict(path: str) -> None:
    if path and path not in _loaded:
        jieba_load_userdict(path)
        _loaded.add(path)
