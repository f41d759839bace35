"""Written messages in marks brought in by a noun, not a speech verb
(`надписью «Мы вместе!»`, `записка: «…»`), and who wrote them: the noun's
owner, the agent of a passive participle on it, or the subject of the
clause that holds it.
"""

from __future__ import annotations

import functools

from . import lexicon, speakers
from .claims import Context
from .cues import VERB, Cue, norm
from .marks import Quoted
from .morph import lemmas
from .speakers import Mention
from .subjects import subject_on_left
from .text import Sentence, Token


@functools.cache
def _message_nouns() -> dict[str, frozenset[str]]:
    return lexicon.load("message_nouns")


# A message noun after this preposition names an event (`под лозунгом «…»`).
_NAMING_PREPOSITIONS = {"под"}
# At most this many words between a message noun and the colon before the
# quote (`Комментарий шведского телевидения: «…»`).
_MESSAGE_COLON_WORDS = 4


def _message_tags(token: Token) -> frozenset[str] | None:
    """The tags of a message noun (`надписью`, `баннерами`), or None."""
    if token.pos not in {"NOUN", "PROPN", None}:
        return None
    table = _message_nouns()
    for form in lemmas(token.text) | {norm(token.text)}:
        tags = table.get(form)
        if tags is None:
            continue
        if "plural" in tags and token.feats.get("Number", "Plur") != "Plur":
            return None  # `слово «биткоин»`: a word named, not words said
        return tags
    return None


def _message_cue(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`надписью «Мы вместе!»`, `записка: «…»`: a written message in marks
    brought in by a noun, with no speech verb (GUIDELINES "What a cue must
    introduce"). The noun is the cue."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None, ""
    tokens = sent.tokens
    before = [t for t in tokens if t.stop <= q.open]
    if not before:
        return None, ""
    colon = before[-1].text == ":"
    if colon:
        candidates = []
        for t in reversed(before[:-1]):
            if t.text in ",;:—–()" or len(candidates) >= _MESSAGE_COLON_WORDS:
                break
            if t.pos != "PUNCT":
                candidates.append(t)
    else:
        candidates = [before[-1]]
    inner = ctx.text[q.start : q.stop].strip()
    if not colon and len(inner.split()) < 2 and inner[-1:] not in {"!", "?"}:
        return None, ""  # `баннер «Газпрома»`: a name, not a message
    for noun in candidates:
        tags = _message_tags(noun)
        if tags is None or ("colon" in tags and not colon):
            continue
        if noun.index > 0 and norm(tokens[noun.index - 1].text) in _NAMING_PREPOSITIONS:
            return None, ""  # `под лозунгом «…»`: a slogan as the name of an event
        if any(c.head == noun.index for c in ctx.cues[sent.index]):
            return None, ""  # `по его словам «…»`: a source phrase, found as such
        cue = Cue(sent, noun.index, noun.index, noun.index, VERB, frozenset({"message"}))
        return cue, "message"
    return None, ""


def _message_speaker(cue: Cue, content: tuple[int, int]) -> Mention | None:
    """Who wrote a message: the noun's owner (`баннеры болельщиков`), the
    agent of a passive participle on it (`требований, выдвигаемых
    организаторами акции`), or the subject of the clause that holds it
    (`болельщики приветствовали Тихонова баннерами «…»`, through a relative
    clause: `он отправил смс, которые оканчивались словами «…»`). None when
    the message, or what carries it, is the subject (`В машине была
    записка: «…»`)."""
    sent = cue.sent
    if not sent.parsed:
        return None
    tokens = sent.tokens
    blocked = {t.index for t in tokens if content[0] <= t.start < content[1]} | {cue.head}
    found = _owner(sent, cue.head, blocked) or _passive_agent(sent, cue.head, blocked)
    if found is not None:
        return found
    node = cue.head
    gerund = False
    for _ in range(_MESSAGE_CLIMB):
        parent = tokens[node].head
        if parent < 0:
            return None
        if tokens[node].rel in {"nsubj", "nsubj:pass"}:
            return None  # `была записка`: the message itself is the subject
        gerund = gerund or tokens[node].feats.get("VerbForm") == "Conv"
        carrier = tokens[parent].pos in {"NOUN", "PROPN"} and not gerund and _with(sent, node)
        if carrier and tokens[parent].feats.get("Animacy") == "Anim" and parent not in blocked:
            # `мужчину с плакатом «…»`: the one who carries it.
            return speakers.phrase(sent, parent, blocked)
        holder = _holder_object(sent, node, parent)
        if holder is not None and holder not in blocked:
            return speakers.phrase(sent, holder, blocked)
        if lemmas(tokens[parent].text) & lexicon.words("finding_verbs"):
            return None  # `Полицейские нашли записку: «…»`: not who wrote it
        subj = next((c for c in tokens[parent].children if tokens[c].rel == "nsubj"), None)
        if subj is not None and subj not in blocked:
            if "который" in lemmas(tokens[subj].text):
                # `смс, которые оканчивались словами «…»`: on to the antecedent.
                node = parent
                continue
            # `Протестующие скандировали`: a participle as a noun speaks too.
            if tokens[subj].pos in {"NOUN", "PROPN", "PRON", "ADJ", "VERB"}:
                return speakers.phrase(sent, subj, blocked)
        if subj is None and tokens[parent].feats.get("VerbForm") == "Fin":
            # `Активистка … Дарья Мальцева держала плакат с надписью «…»`, the
            # subject hung elsewhere by a parse the quote broke: the
            # nominative that opens the verb's clause.
            left = subject_on_left(sent, parent, blocked)
            # (not `Письмо оканчивается словами «…»`: the message is no writer)
            if left is not None and not speakers.is_document(tokens[left]):
                return speakers.phrase(sent, left, blocked)
        node = parent
    return None


def _with(sent: Sentence, node: int) -> int | None:
    """The `с` of `с плакатом`, or None."""
    tokens = sent.tokens
    case = [k for k in tokens[node].children if tokens[k].rel == "case"]
    return case[0] if case and norm(tokens[case[0]].text) in {"с", "со"} else None


def _holder_object(sent: Sentence, node: int, verb: int) -> int | None:
    """`задержала мужчину с плакатом «…»`: the parse hangs `с плакатом` on
    the verb; the animate object right before it carries the message."""
    tokens = sent.tokens
    case = _with(sent, node)
    if case is None:
        return None
    for c in tokens[verb].children:
        t = tokens[c]
        if t.rel == "obj" and c < case and t.feats.get("Animacy") == "Anim":
            return c
    return None


# How far up the parse a message noun looks for the clause's subject
# (`спартаковцы выказали нежелание …, облачившись в футболки с изображением
# Карпина и надписью «…»` is seven steps).
_MESSAGE_CLIMB = 10


def _owner(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """`баннеры болельщиков`, `Комментарий шведского телевидения`: a genitive
    owner who can speak."""
    tokens = sent.tokens
    for c in tokens[noun].children:
        t = tokens[c]
        if c in blocked or t.rel != "nmod" or t.feats.get("Case") != "Gen":
            continue
        if any(tokens[k].rel == "case" for k in t.children):
            continue  # `надпись на футболке`: a place, not an owner
        speaking = t.pos == "PROPN" or t.feats.get("Animacy") == "Anim"
        if speaking or speakers.is_institution(t):
            return speakers.phrase(sent, c, blocked)
    return None


def _passive_agent(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """`требований, выдвигаемых организаторами акции`: the agent of a passive
    participle on the noun (or the participle itself) is who speaks."""
    tokens = sent.tokens
    verbs = [noun] if tokens[noun].feats.get("VerbForm") == "Part" else []
    verbs += [c for c in tokens[noun].children if tokens[c].feats.get("VerbForm") == "Part"]
    for v in verbs:
        if tokens[v].feats.get("Voice") != "Pass":
            continue
        for c in tokens[v].children:
            t = tokens[c]
            if c in blocked or t.pos not in {"NOUN", "PROPN"}:
                continue
            preposed = any(tokens[k].rel == "case" for k in t.children)
            if t.rel == "obl:agent" or (
                t.rel == "obl" and t.feats.get("Case") == "Ins" and not preposed
            ):
                return speakers.phrase(sent, c, blocked)
    return None
