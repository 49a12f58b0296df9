"""Chinese search that works in the browser and loads jieba only when a page is indexed."""

import sphinx.search
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
        if self.user_dict:
            jieba_load_userdict(self.user_dict)
            self.user_dict = ""
        return super().split(input)


def setup(app):
    sphinx.search.languages["zh"] = LazySearchChinese
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
