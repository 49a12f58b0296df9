"""A state diagram for narrow screens: each state, under it the calls that move it on."""

from html import escape

from docutils import nodes


def listing(source: dict) -> str:
    """The narrow screen's arrangement: each state, and under it the calls that move it on."""
    states = source["states"]
    name = {key: escape(s.get("label", key)) for key, s in states.items()}
    out = [f'<ul class="state-diagram-list" aria-label="{escape(source["title"])}">']
    for key in states:
        out.append(f'<li><span class="state-diagram-state">{name[key]}</span><ul>')
        for t in source.get("transitions", []):
            if t["from"] == key:
                out.append(
                    f'<li><span class="state-diagram-call">{escape(t["label"])}</span>'
                    f' <span class="state-diagram-to">→ {name[t["to"]]}</span></li>'
                )
        out.append("</ul></li>")
    out.append("</ul>")
    return "\n".join(out)


def add_stylesheet(app, pagename, templatename, context, doctree) -> None:
    """Only a page that shows a diagram loads its stylesheet."""
    if doctree and any("state-diagram-box" in node.astext() for node in doctree.findall(nodes.raw)):
        app.add_css_file("statediagram.css")


def setup(app):
    app.connect("html-page-context", add_stylesheet)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
