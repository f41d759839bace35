"""The author of a document an impersonal cue points into, named in the
sentences before: `МИД России опубликовал комментарий. В нём сказано, что …`.
"""

from __future__ import annotations

import bisect
import functools
import re

from . import lexicon, names
from .bodies import _recent_org
from .claims import Claim, Context, around_cue
from .cues import SOURCE, Cue, norm
from .entities import _LOOKBACK, ORG, PERSON, Resolver, _name_after_kind, aliases
from .mentions import genitive_run_end, site_owner
from .morph import lemmas, parse
from .records import Span, Speaker
from .speakers import is_document
from .text import Sentence, Token


def _published_before(r: Resolver, claim: Claim) -> Speaker | None:
    """`МИД России опубликовал комментарий. В нём сказано, что …`: an
    impersonal cue over a document (`в заявлении`, `в нём`) whose author the
    sentence before named, as the first name there before the document."""
    cue = claim.cue
    if cue is None:
        return None
    # Look back from the cue's sentence (a paragraph after `В заявлении
    # говорится:` is a claim of its own sentences, its cue in the one
    # before), and from before the claim's words (`«… декларации ООН …», -
    # говорится в заявлении`: the quote names no author).
    first = min(cue.sent.index, claim.sent.index)
    if first == 0:
        return None
    feats = cue.token.feats
    passive = feats.get("Variant") == "Short" and feats.get("Voice") == "Pass"
    # `Согласно отчету, …` after `Amnesty International опубликовала доклад`:
    # a source phrase over a document points back the same way.
    if "impersonal" not in cue.tags and not passive and cue.type != SOURCE:
        return None
    near = around_cue(cue)
    reach, bare = 2, False  # sentences looked back
    if not any(is_document(t) or norm(t.text) in _IT for t in near):
        if not _bare_opening(cue):
            return None
        # `Счетная палата опубликовала результаты проверки. Отмечается, что
        # …`: a bare impersonal cue that opens its sentence reads the
        # document just published, and only that one.
        reach, bare = 1, True
    issued = _issuer(r, near)
    if issued is not None:
        return issued
    ctx = r.ctx
    for k in range(first - 1, max(first - 1 - reach, -1), -1):
        sent = ctx.sents[k]
        document = next((t for t in sent.tokens if is_document(t)), None)
        if document is None:
            continue
        if bare and document.feats.get("Case") != "Acc":
            return None  # published (`опубликовала доклад`), not `ушел с поста`
        return _author_in(r, k, document, cue.type == SOURCE)
    return None


def relative_source_author(r: Resolver, claim: Claim) -> Speaker | None:
    """`агентство Reuters опубликовало расследование, согласно которому …`:
    who issued the report a relative source takes up, as its own sentence
    names them."""
    cue = claim.cue
    if cue is None or "relative" not in cue.tags:
        return None
    return _author_in(r, cue.sent.index, cue.token, source=True)


def _author_in(r: Resolver, k: int, document: Token, source: bool = False) -> Speaker | None:
    """Who wrote `document`, as sentence `k` names them: the body or person
    whose own it is, the first name before it (in the nominative, or
    opening the sentence), a body named right after it (its genitive), or
    the body that opens the sentence, comes after it or owns the site.
    (`source`: a source phrase over it, which no defendant's `материалы
    дела` are.)"""
    ctx = r.ctx
    sent = ctx.sents[k]
    own = _own_document_author(r, k, document)
    if own is not None:
        return own
    for s, e, type_ in ctx.names[k]:
        if e > document.start or type_ not in {"ORG", "PER"}:
            continue
        head = next((t for t in reversed(sent.tokens) if t.stop <= e), None)
        opening = not any(t.pos != "PUNCT" for t in sent.tokens if t.stop <= s)
        if (
            head is not None
            and head.feats.get("Case") not in {"Nom", None}
            and not opening
            and not (type_ == "ORG" and _of_subject(sent, head, document))
        ):
            # `по поводу заявления Лаврова`: not who wrote. (A name that
            # opens the sentence is its subject, whatever case the tagger
            # gives an indeclinable `Минобороны`; a body the subject is
            # of, `Участники саммита БРИКС приняли декларацию`, wrote it.)
            continue
        span = _span(ctx, s, e)
        if type_ == "PER" and source:
            continue  # `Согласно материалам дела` is not the defendant's
        if type_ == "PER":
            named = r.person_at(s, e)
            if named is not None:
                return Speaker(named[1].name, PERSON, span, aliases(named[1]))
            continue
        e = _with_genitive_place(ctx, k, e)  # `МИД` + `России`
        words = ctx.text[s:e].replace("«", "").replace("»", "").split()
        return Speaker(names.org_name(words), ORG, _span(ctx, s, e))
    for s, e, type_ in ctx.names[k]:
        if type_ == "ORG" and s >= document.stop and _kind_only(ctx.view[document.stop : s]):
            # `Согласно отчету Счетной палаты, …` and later `говорится в
            # документе`: the body whose document it is.
            e = _with_genitive_place(ctx, k, e)  # `ДОМ.` + `РФ`
            words = ctx.text[s:e].replace("«", "").replace("»", "").split()
            # (`компании «Яков и Партнеры»`: a name in marks after its kind
            # stays as written)
            name = _name_after_kind(ctx.view, s, e) or names.org_name(words, case="gent")
            return Speaker(name, ORG, _span(ctx, s, e))
    return (
        _opening_body(ctx, sent)
        or _body_after_document(ctx, sent, document)
        or _site_owner(r, k, document)
    )


def _kind_only(gap: str) -> bool:
    """Nothing, or only the body's kind (`консалтинговой компании «`), between
    a document and the name of its author."""
    if re.fullmatch(r",\s*\w+\s+от\s+«?", gap):
        return True  # `письмо, полученное от App Store Review`: its sender
    words = gap.replace("«", " ").split()
    return len(words) <= 3 and all(
        w.isalpha() and w.islower() and parse(w)[0].tag.POS != "PREP" for w in words
    )  # (not `петицию на портале «…»`: where it was put, not whose)


def _bare_opening(cue: Cue) -> bool:
    """`Отмечается, что …`, `Также сообщается, что …`: an impersonal
    verb that opens its sentence, with no document named by it."""
    if "impersonal" not in cue.tags or "opinion" in cue.tags:
        return False  # `Считается, что …`: a view held, no document's
    before = [t for t in cue.sent.tokens[: cue.first] if t.pos != "PUNCT"]
    return all(t.pos in {"ADV", "PART", "CCONJ"} for t in before)


def _of_subject(sent: Sentence, token: Token, document: Token) -> bool:
    """`token` ends a genitive chain on the noun that opens the sentence, its
    subject, before the verb that takes the document (`Участники саммита
    БРИКС приняли декларацию`, `Лидеры стран НАТО одобрили …`). Read off the
    tags: a sentence with no cue is not parsed."""
    tokens = [t for t in sent.tokens[: token.index + 1] if t.pos != "PUNCT"]
    if len(tokens) < 2 or tokens[0].pos != "NOUN" or tokens[0].feats.get("Case") != "Nom":
        return False
    if not all(t.feats.get("Case") in {"Gen", None} for t in tokens[1:]):
        return False
    between = sent.tokens[token.index + 1 : document.index]
    return any(t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" for t in between)


def _issuer(r: Resolver, near: list[Token]) -> Speaker | None:
    """`В приговоре говорится`, `Согласно приговору`: a document only one kind
    of body issues (document_nouns.txt `author=`) is the last such body's."""
    for tok in near:
        kind = next((_issuers()[x] for x in lemmas(tok.text) if x in _issuers()), None)
        if kind is None:
            continue
        i = bisect.bisect_left(r.orgs, (tok.start, ""))
        for _start, name in reversed(r.orgs[max(0, i - _LOOKBACK) : i]):
            # The body itself, its noun in the nominative (`Мосгорсуд`,
            # `Верховный суд`), not one it is of (`пресс-служба судов`).
            if any(norm(w).endswith(kind) for w in name.split()):
                return Speaker(name, ORG, _span(r.ctx, tok.start, tok.stop))
    return None


@functools.cache
def _issuers() -> dict[str, str]:
    """Document noun -> the head noun of the bodies that issue it."""
    found = {}
    for noun, tags in lexicon.load("document_nouns").items():
        for tag in tags:
            if tag.startswith("author="):
                found[noun] = tag.split("=", 1)[1]
    return found


def _own_document_author(r: Resolver, k: int, document: Token) -> Speaker | None:
    """`В своем обращении к жителям … Коновалов заявил`, `Правительство
    Бангладеш в своем заявлении выразило …`: `свой` makes the document the
    subject's, a person or body named in the nominative."""
    ctx = r.ctx
    sent = ctx.sents[k]
    before = sent.tokens[max(0, document.index - 2) : document.index]
    if not any(lemmas(t.text) & {"свой"} for t in before):
        return None
    for s, e, type_ in ctx.names[k]:
        if type_ not in {"PER", "ORG"} or document.start <= s < document.stop:
            continue
        head = next((t for t in sent.tokens if t.start >= s), None)
        if head is None or head.feats.get("Case") != "Nom":
            continue
        if type_ == "ORG":
            words = ctx.text[s:e].replace("«", "").replace("»", "").split()
            return Speaker(names.org_name(words), ORG, _span(ctx, s, e))
        named = r.person_at(s, e)
        if named is not None:
            return Speaker(named[1].name, PERSON, _span(ctx, s, e), aliases(named[1]))
    return _opening_body(ctx, sent)  # `Правительство Бангладеш`, untagged


def document_author_before(r: Resolver, sent: Sentence, document: Token) -> Speaker | None:
    """The author of a bare document noun (`цитирует заявление агентство`),
    from the sentence before, where the same document was the subject's own
    (`Правительство Бангладеш в своем заявлении выразило благодарность`)."""
    if sent.index == 0:
        return None
    k = sent.index - 1
    same = lemmas(document.text)
    earlier = next((t for t in r.ctx.sents[k].tokens if lemmas(t.text) & same), None)
    return _own_document_author(r, k, earlier) if earlier is not None else None


def named_document_author(
    r: Resolver, sent: Sentence, document: Token, any_kind: bool = False
) -> Speaker | None:
    """`Авторы доклада …`: who wrote the document the same noun (`any_kind`:
    any document noun, `указ` for `документ`) named in one of the two
    sentences before, as `_author_in` reads it there."""
    same = lemmas(document.text)
    for k in range(sent.index - 1, max(sent.index - 3, -1), -1):
        earlier = next(
            (
                t
                for t in r.ctx.sents[k].tokens
                if (is_document(t) if any_kind else lemmas(t.text) & same)
            ),
            None,
        )
        if earlier is not None:
            return _author_in(r, k, earlier)
    return None


def _site_owner(r: Resolver, k: int, document: Token) -> Speaker | None:
    """`Решение опубликовано на сайте суда`: the body whose site carried the
    document wrote it; a description (`суда`) is the body it stands for."""
    ctx = r.ctx
    tokens = ctx.sents[k].tokens
    i = site_owner(tokens, document.index + 1, len(tokens))
    if i is None:
        return None
    owner = tokens[i]
    if owner.feats.get("Case") not in {"Gen", None}:
        return None
    for s, e, type_ in ctx.names[k]:
        if type_ == "ORG" and s == owner.start:
            words = ctx.text[s:e].replace("«", "").replace("»", "").split()
            return Speaker(names.org_name(words, case="gent"), ORG, _span(ctx, s, e))
    head = lemmas(owner.text) & lexicon.words("institutions")
    name = _recent_org(r, owner.start, head) if head else None
    return Speaker(name, ORG, _span(ctx, owner.start, owner.stop)) if name else None


def _with_genitive_place(ctx: Context, k: int, e: int) -> int:
    for s2, e2, type_ in ctx.names[k]:
        if type_ in {"LOC", "ORG"} and s2 >= e and ctx.text[e:s2] in {" ", ""}:
            return e2
    return e


def _opening_body(ctx: Context, sent: Sentence) -> Speaker | None:
    """`Министерство обороны выпустило заявление`: the institution named at
    the start, before the first verb, that the tagger did not find."""
    tokens = sent.tokens
    verb = next((i for i, t in enumerate(tokens) if t.pos in {"VERB", "AUX"}), None)
    if verb is None or verb == 0:
        return None
    # The head noun after any adjectives: `Всемирная организация здравоохранения`.
    head = next((t for t in tokens[:verb] if t.pos != "ADJ"), tokens[0])
    if head.feats.get("Case") != "Nom" or not _body_noun(head):
        return None
    # The head and its genitives, not what else stands before the verb
    # (`Пресс-служба губернатора Свердловской области в понедельник …`).
    last = min(verb - 1, genitive_run_end(tokens, head.index, range(verb, len(tokens))))
    words = [t.text for t in tokens[: last + 1] if t.pos != "PUNCT"]
    return Speaker(names.org_name(words), ORG, _span(ctx, tokens[0].start, tokens[last].stop))


def _body_after_document(ctx: Context, sent: Sentence, document: Token) -> Speaker | None:
    """`Соответствующий приказ подписала региональная служба по тарифам`: the
    document opens the sentence, its verb next, and the institution that
    issued it after the verb."""
    tokens = sent.tokens
    if any(t.pos not in {"ADJ", "DET", "PUNCT"} for t in tokens[: document.index]):
        return None
    verb = document.index + 1
    if verb >= len(tokens) or tokens[verb].feats.get("VerbForm") != "Fin":
        return None
    rest = tokens[verb + 1 :]
    head = next((t for t in rest if t.pos != "ADJ"), None)
    if head is None or head.feats.get("Case") != "Nom" or not _body_noun(head):
        return None
    last = head.index
    while last + 1 < len(tokens) and tokens[last + 1].text not in {"(", ",", ".", "—", ";"}:
        last += 1  # `служба по тарифам`: the name runs on to its bracket or stop
    words = [t.text for t in tokens[verb + 1 : last + 1] if t.pos != "PUNCT"]
    if len(words) > 6:
        return None
    start = tokens[verb + 1].start
    return Speaker(names.org_name(words), ORG, _span(ctx, start, tokens[last].stop))


def _body_noun(token: Token) -> bool:
    """An institution's noun; not an outlet's (`Издание ознакомилось с
    черновиком документа`: it read the document, it did not write it)."""
    found = lemmas(token.text)
    return bool(found & lexicon.words("institutions")) and not found & lexicon.words(
        "institutions", "media"
    )


_IT = frozenset({"нем", "нём", "ней"})


def _span(ctx: Context, start: int, stop: int) -> Span:
    return Span(start, stop, ctx.text[start:stop])
