"""Chinese search whose jieba dictionaries load only when a page is actually indexed."""

import sphinx.search
from sphinx.search.zh import SearchChinese, jieba_load_userdict


class LazySearchChinese(SearchChinese):
    """Sphinx's zh search, minus the ~2 s dictionary load on builds that index nothing.

    The stock class loads the user dictionary (and so jieba's 5 MB main dictionary)
    when the HTML builder starts, even for a no-op rebuild; this waits for the first
    text to segment.
    """

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
