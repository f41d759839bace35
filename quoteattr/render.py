"""HTML views of results: one document for a notebook, many for a report page.

The HTML is self-contained: CSS inline in a ``<style>`` element, no scripts,
nothing loaded from the network, every piece of the input escaped. The
article keeps its text exactly: the highlights are elements around the
characters, and the labels (a speaker's canonical name beside a pronoun) are
drawn by CSS from attributes, so stripping the tags and unescaping the
entities of the article gives back ``doc.text``.

Content, cue and speaker mention may overlap or nest in any way (a mention
or cue inside the content, a cue inside its mention's phrase, two quotes
sharing a cue). The article is built from offset events: marks open at their
start, outer (longer) first, and close at their stop; a mark that must close
while an inner one is still running is closed and reopened around it, so the
HTML always nests properly and no character is written twice or lost.
"""

from __future__ import annotations

import collections
import html
import zlib
from collections.abc import Iterable, Sequence

import attrs

from .records import Document, Quote, normalize

__all__ = ["CSS", "article", "document", "report", "table"]

# Roles, in the order they nest when two marks cover the same characters.
CONTENT, CUE, MENTION = 0, 1, 2

# A table cell shows this much of a quote's content; the whole is in its title.
SHORT = 120

# Scoped by the `qa-` prefix because a notebook puts every output's <style> on
# one page. `::before`/`::after` draw labels from attributes so that they are
# not text of the article.
CSS = """
.qa-doc{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.7;
  color:#1f2328;max-width:60rem}
.qa-text{white-space:pre-wrap;word-wrap:break-word;margin:0 0 1em 0}
.qa-q{border-radius:3px;padding:1px 0}
.qa-direct{--qa-rgb:255,204,0;background:rgba(var(--qa-rgb),var(--qa-a,.3));
  box-shadow:inset 0 -2px #d4a72c}
.qa-indirect{--qa-rgb:84,174,255;background:rgba(var(--qa-rgb),var(--qa-a,.3));
  box-shadow:inset 0 -2px #54aeff}
.qa-mixed{--qa-rgb:194,151,255;background:rgba(var(--qa-rgb),var(--qa-a,.3));
  box-shadow:inset 0 -2px #c297ff}
.qa-c0{--qa-a:.06}.qa-c1{--qa-a:.11}.qa-c2{--qa-a:.16}.qa-c3{--qa-a:.21}.qa-c4{--qa-a:.26}
.qa-c5{--qa-a:.31}.qa-c6{--qa-a:.36}.qa-c7{--qa-a:.41}.qa-c8{--qa-a:.46}.qa-c9{--qa-a:.51}
.qa-c10{--qa-a:.56}
.qa-q.qa-unsure{box-shadow:inset 0 -2px #cf222e}
.qa-q[data-who]::before{content:attr(data-who);font-size:.7em;font-weight:600;color:#fff;
  background:#57606a;border-radius:3px;padding:0 .3em;margin-right:.25em;white-space:nowrap}
.qa-q.qa-cont::before{content:none}
.qa-cue{font-weight:700;color:#8250df;text-decoration:underline dotted}
.qa-mention{outline:2px solid #1a7f37;outline-offset:-1px;border-radius:3px;color:#116329}
.qa-mention[data-name]::after{content:attr(data-name);font-size:.7em;font-weight:600;
  color:#fff;background:#1a7f37;border-radius:3px;padding:0 .3em;margin-left:.25em;
  white-space:nowrap;vertical-align:super}
.qa-mention.qa-more::after{content:none}
.qa-legend{font-size:.8em;color:#57606a;margin:.3em 0}
.qa-legend span{margin-right:1em}
.qa-table{border-collapse:collapse;font-size:.85em;line-height:1.4;margin:.5em 0 1.5em 0}
.qa-table th,.qa-table td{border:1px solid #d0d7de;padding:.25em .5em;text-align:left;
  vertical-align:top}
.qa-table th{background:#f6f8fa}
.qa-table td.qa-kind-direct{background:#fff1b8}
.qa-table td.qa-kind-indirect{background:#ddf4ff}
.qa-table td.qa-kind-mixed{background:#fbefff}
.qa-none{color:#8c959f;font-style:italic}
.qa-page{margin:2em auto;padding:0 1em}
.qa-page h2{border-bottom:1px solid #d0d7de;font-size:1.2em;margin-top:2em}
"""


@attrs.frozen
class _Mark:
    """One highlight: characters ``start:stop`` of the article in a ``<span>``."""

    start: int
    stop: int
    role: int
    classes: str
    title: str
    anchor: str | None = None  # id of the first piece, for links to a quote
    label: str | None = None  # a speaker's name drawn beside the mark by CSS


# --- the article ---------------------------------------------------------------


def article(doc: Document, prefix: str = "") -> str:
    """``doc.text`` in a ``<div class="qa-text">`` with every quote highlighted.

    The content of quote ``i`` carries the id ``{prefix}q{i}``.
    """
    return f'<div class="qa-text">{_marked(doc.text, _marks(doc, prefix))}</div>'


def _marks(doc: Document, prefix: str) -> list[_Mark]:
    size = len(doc.text)
    marks = []
    # A cue or a mention shared by several quotes is highlighted once, its
    # title naming every quote it serves.
    shared: dict[tuple[int, int, int], list[str]] = collections.defaultdict(list)
    names: dict[tuple[int, int, int], list[str]] = collections.defaultdict(list)
    for i, q in enumerate(doc.quotes):
        who = _who(q)
        mention = q.speaker.mention if q.speaker else None
        has_mention = mention is not None and _inside(mention.start, mention.stop, size)
        marks.append(
            _Mark(
                q.start,
                q.stop,
                CONTENT,
                f"qa-q qa-{q.kind.value}" + _shade(q.confidence),
                f"{q.kind.value} · {who}"
                + (f" · cue: {q.cue.text}" if q.cue else "")
                + f" · confidence {_confidence(q.confidence)}",
                anchor=f"{prefix}q{i}",
                # Without a mention in the text the name goes on the content.
                label=q.speaker.name if q.speaker and not has_mention else None,
            )
        )
        if q.cue is not None and _inside(q.cue.start, q.cue.stop, size):
            shared[(q.cue.start, q.cue.stop, CUE)].append(f"cue · {q.kind.value} · {who}")
        if has_mention:
            key = (mention.start, mention.stop, MENTION)
            shared[key].append(f"speaker: {who}")
            # A label only where it tells something: `он` → `Виталий Калоев`,
            # not `Кремль` beside `Кремль`.
            if normalize(mention.text) != normalize(q.speaker.name):
                names[key].append(q.speaker.name)
    for (start, stop, role), titles in shared.items():
        if role == CUE:
            marks.append(_Mark(start, stop, CUE, "qa-cue", " | ".join(_unique(titles))))
        else:
            label = " / ".join(_unique(names[(start, stop, role)])) or None
            marks.append(
                _Mark(start, stop, MENTION, "qa-mention", " | ".join(_unique(titles)), label=label)
            )
    # Offsets outside the text (a hand-made record) would lose characters.
    return [m for m in marks if m.start < m.stop and _inside(m.start, m.stop, size)]


def _shade(confidence: float | None) -> str:
    """The background's strength by confidence, a tenth a step (qa-c0 … qa-c10);
    under 0.5 the underline turns red. Unknown: the plain shade."""
    if confidence is None:
        return ""
    return f" qa-c{round(confidence * 10)}" + (" qa-unsure" if confidence < 0.5 else "")


def _confidence(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.2f}"


def _inside(start: int, stop: int, size: int) -> bool:
    return 0 <= start <= stop <= size


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _who(q: Quote) -> str:
    if q.speaker is None:
        return "no speaker"
    return f"{q.speaker.name} ({q.speaker.type.value})"


@attrs.define
class _Open:
    mark: _Mark
    piece: int  # index in the output of this piece's opening tag, written when it closes
    first: bool


def _marked(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` escaped, with ``marks`` as properly nested spans."""
    order = {id(m): n for n, m in enumerate(marks)}

    def nesting(m: _Mark) -> tuple[int, int, int]:
        # Longer marks outside, then content outside cue outside mention.
        return (-m.stop, m.role, order[id(m)])

    starting: dict[int, list[_Mark]] = collections.defaultdict(list)
    for m in marks:
        starting[m.start].append(m)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.stop for m in marks)})

    out: list[str] = []
    stack: list[_Open] = []
    pos = 0
    for at in bounds:
        out.append(html.escape(text[pos:at], quote=False))
        pos = at
        # Close what ends here; whatever is above it on the stack is closed
        # too and reopened below, since it still runs on.
        reopen: list[_Mark] = []
        while any(o.mark.stop == at for o in stack):
            top = stack.pop()
            last = top.mark.stop == at
            out[top.piece] = _open_tag(top.mark, first=top.first, last=last)
            out.append("</span>")
            if not last:
                reopen.append(top.mark)
        again = {id(m) for m in reopen}
        for m in sorted([*reopen, *starting.get(at, ())], key=nesting):
            stack.append(_Open(m, len(out), first=id(m) not in again))
            out.append("")  # the opening tag, once it is known whether it is the last piece
    assert not stack, "every mark ends inside the text"
    return "".join(out)


def _open_tag(m: _Mark, *, first: bool, last: bool) -> str:
    classes = m.classes
    parts = []
    if m.anchor and first:
        parts.append(f'id="{_attr(m.anchor)}"')
    if m.label:
        # The content's name goes before its first piece, a mention's after its last.
        if m.role == CONTENT:
            parts.append(f'data-who="{_attr(m.label)}"')
            classes += "" if first else " qa-cont"
        else:
            parts.append(f'data-name="{_attr(m.label)}"')
            classes += "" if last else " qa-more"
    parts.append(f'title="{_attr(m.title)}"')
    return f'<span class="{classes}" ' + " ".join(parts) + ">"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text(value: str) -> str:
    return html.escape(value, quote=False)


# --- the table -----------------------------------------------------------------


def table(doc: Document, prefix: str = "") -> str:
    """The "who said what" table of ``doc``, each row linking to its quote."""
    if not doc.quotes:
        return '<p class="qa-none">no quotes found</p>'
    rows = []
    for i, q in enumerate(doc.quotes):
        if q.speaker is not None:
            mention = q.speaker.mention.text if q.speaker.mention else "not in the text"
            speaker = f'<td title="mention: {_attr(mention)}">{_text(q.speaker.name)}</td>'
            kind_of = f"<td>{_text(q.speaker.type.value)}</td>"
        else:
            speaker = '<td class="qa-none">none</td>'
            kind_of = "<td></td>"
        cue = _text(q.cue.text) if q.cue else '<span class="qa-none">none</span>'
        rows.append(
            f"<tr><td>{i + 1}</td>{speaker}{kind_of}"
            f'<td class="qa-kind-{q.kind.value}">{q.kind.value}</td>'
            f"<td>{_confidence(q.confidence)}</td><td>{cue}</td>"
            f'<td><a href="#{_attr(prefix)}q{i}" title="{_attr(q.text)}">'
            f"{_text(_short(q.text))}</a></td></tr>"
        )
    head = (
        "<tr><th>#</th><th>speaker</th><th>type</th><th>kind</th><th>confidence</th>"
        "<th>cue</th><th>content</th></tr>"
    )
    return f'<table class="qa-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _short(text: str, size: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


_LEGEND = (
    '<div class="qa-legend"><span class="qa-q qa-direct">direct</span>'
    '<span class="qa-q qa-indirect">indirect</span><span class="qa-q qa-mixed">mixed</span>'
    '<span class="qa-q qa-direct qa-c3 qa-unsure">less sure: paler</span>'
    '<span class="qa-cue">cue</span><span class="qa-mention">speaker mention</span></div>'
)


# --- a document, a page ----------------------------------------------------------


def document(doc: Document, prefix: str | None = None) -> str:
    """One document as a notebook shows it: legend, highlighted article, table.

    ``prefix`` starts every id; by default one derived from the text, so that
    two documents in one notebook do not share anchors.
    """
    if prefix is None:
        prefix = f"qa{zlib.crc32(doc.text.encode('utf-8')):08x}-"
    return (
        f'<div class="qa-doc"><style>{CSS}</style>{_LEGEND}'
        f"{article(doc, prefix)}{table(doc, prefix)}</div>"
    )


def report(docs: Sequence[tuple[str, Document]], title: str = "quoteattr report") -> str:
    """One self-contained HTML page: a speaker index, then every document.

    ``docs`` pairs an id (a file path, say) with its document. Document ``n``
    (from 0) is the section ``d{n}`` and its quote ``i`` the anchor ``d{n}-q{i}``;
    the index links each speaker to all their quotes.
    """
    total = sum(len(doc.quotes) for _, doc in docs)
    sections = []
    contents = []
    for n, (doc_id, doc) in enumerate(docs):
        prefix = f"d{n}-"
        contents.append(f'<li><a href="#d{n}">{_text(str(doc_id))}</a> ({len(doc.quotes)})</li>')
        sections.append(
            f'<section id="d{n}"><h2>{_text(str(doc_id))}</h2>'
            f"{article(doc, prefix)}{table(doc, prefix)}</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_text(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<div class="qa-doc qa-page">\n<h1>{_text(title)}</h1>\n'
        f"<p>{_count(len(docs), 'document')}, {_count(total, 'attribution')}.</p>\n{_LEGEND}\n"
        f"<h2>Speakers</h2>\n{_speaker_index(docs)}\n"
        f'<h2>Documents</h2>\n<ol class="qa-contents">{"".join(contents)}</ol>\n'
        + "\n".join(sections)
        + "\n</div>\n</body>\n</html>\n"
    )


def _speaker_index(docs: Sequence[tuple[str, Document]]) -> str:
    """Speakers by number of quotes, each with links to their quotes."""
    # Grouped by the normalised canonical name (case, ё, punctuation): one
    # person named the same way in several documents is one row.
    groups: dict[str, list[tuple[int, int, Quote]]] = collections.defaultdict(list)
    for n, (_, doc) in enumerate(docs):
        for i, q in enumerate(doc.quotes):
            key = normalize(q.speaker.name) if q.speaker else ""
            groups[key].append((n, i, q))
    if not groups:
        return '<p class="qa-none">no quotes found</p>'

    def rank(item: tuple[str, list[tuple[int, int, Quote]]]) -> tuple[bool, int, str]:
        key, found = item
        return (key == "", -len(found), key)  # "no speaker" last

    rows = []
    for key, found in sorted(groups.items(), key=rank):
        if key:
            name = _most_common(q.speaker.name for _, _, q in found if q.speaker)
            kind = _most_common(q.speaker.type.value for _, _, q in found if q.speaker)
            who = f"<td>{_text(name)}</td><td>{kind}</td>"
        else:
            who = '<td class="qa-none">no speaker</td><td></td>'
        links = " ".join(
            f'<a href="#d{n}-q{i}" title="{_attr(str(docs[n][0]))}: {_attr(_short(q.text, 80))}">'
            f"{n + 1}.{i + 1}</a>"
            for n, i, q in found
        )
        rows.append(f"<tr>{who}<td>{len(found)}</td><td>{links}</td></tr>")
    head = "<tr><th>speaker</th><th>type</th><th>quotes</th><th>where (document.quote)</th></tr>"
    return (
        f'<table class="qa-table qa-speakers"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _most_common(items: Iterable[str]) -> str:
    return collections.Counter(items).most_common(1)[0][0]
