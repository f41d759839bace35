"""Speech cues: verbs, phrases and `по словам`-style nouns, matched by lemma."""

from __future__ import annotations

import functools

import attrs

from . import lexicon, morph, prefilter
from .morph import lemmas
from .text import Sentence, Token

VERB = "verb"  # заявил, отметив, считающему, уверен
SOURCE = "source"  # по словам X, по данным X, согласно X

_VERBAL = {"VERB", "AUX", "ADJ"}  # ADJ: short forms (уверен, согласна)
_LINKING_AS = {"как"}
# Prepositions that open the `по словам X` family, and the source_nouns.txt
# tag a noun needs after each (none: any source noun, checked by case).
_SOURCE_PREPOSITIONS = {"по": None, "согласно": None, "со": "so", "с": "so", "на": "na"}
_NO_LEMMAS: frozenset[str] = frozenset()


@attrs.define(slots=True)
class Cue:
    sent: Sentence
    head: int  # the cue word: the verb, or the noun of `по словам`
    first: int  # first and last token of the cue phrase as reported
    last: int
    type: str
    tags: frozenset[str]

    @property
    def token(self) -> Token:
        return self.sent.tokens[self.head]

    @property
    def start(self) -> int:
        return self.sent.tokens[self.first].start

    @property
    def stop(self) -> int:
        return self.sent.tokens[self.last].stop


# Cached: the content rules and coref compare tokens by it again and again.
@functools.lru_cache(maxsize=200_000)
def norm(word: str) -> str:
    # Web text carries zero-width spaces inside words (`этом\u200b`) and
    # stress marks (`заяви́л`); neither is a letter of the word.
    return morph.key(word).replace("ё", "е")


@functools.cache
def _verbs() -> dict[str, frozenset[str]]:
    return lexicon.load("speech_verbs")


@functools.cache
def _phrases() -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """Multi-word cues indexed by the lemma of their first word."""
    index: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for phrase, tags in lexicon.load("speech_phrases").items():
        parts = tuple(phrase.split())
        if parts:
            index.setdefault(parts[0], []).append((parts, tags))
    return index


@functools.cache
def _sources() -> dict[str, frozenset[str]]:
    return lexicon.load("source_nouns")


@attrs.frozen(slots=True)
class _Words:
    """A sentence's words, normalised and lemmatised once for all look-ups.

    Only words the prefilter lets through are lemmatised: the lemmas of the
    others are in no cue lexicon, and every look-up here is in one, so an
    empty set answers each the same.
    """

    norms: list[str]
    lemmas: list[frozenset[str]]

    @classmethod
    def of(cls, sent: Sentence) -> _Words:
        words = [_word(t.text) for t in sent.tokens]
        return cls([n for n, _ in words], [found for _, found in words])


@functools.lru_cache(maxsize=200_000)
def _word(text: str) -> tuple[str, frozenset[str]]:
    """A word's normal spelling and, if it may be a cue word, its lemmas:
    the same for every occurrence, so worked out once."""
    normal = norm(text)
    return normal, (lemmas(text) if prefilter.may_be_cue(text, normal) else _NO_LEMMAS)


def _negated(words: _Words, index: int) -> bool:
    return index > 0 and words.norms[index - 1] == "не"


def _verb_cue(sent: Sentence, i: int, words: _Words) -> Cue | None:
    token = sent.tokens[i]
    forms = words.lemmas[i]
    verbs = _verbs()
    if token.pos not in _VERBAL and token.pos is not None and not _only_verb(token.text):
        return None
    for lemma in forms:
        if lemma in verbs:
            tags = verbs[lemma]
            if "naming" in tags and token.feats.get("VerbForm") == "Part":
                return None  # `так называемой`, `названный`: a term, not a speaker
            if _attributive(sent.tokens, i):
                return None  # `предполагаемого нападавшего`: alleged, no one's act
            return Cue(sent, i, i, i, VERB, tags)
    return None


def _attributive(tokens: list[Token], i: int) -> bool:
    """A participle before the noun it qualifies, in the noun's case."""
    token = tokens[i]
    if token.feats.get("VerbForm") != "Part" or token.feats.get("Variant") == "Short":
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        nxt is not None
        and (nxt.pos in {"NOUN", "PROPN", "ADJ"} or nxt.feats.get("VerbForm") == "Part")
        and nxt.feats.get("Case") == token.feats.get("Case") is not None
        and nxt.feats.get("Number") == token.feats.get("Number")
    )


@functools.lru_cache(maxsize=4096)
def _only_verb(word: str) -> bool:
    """A word the dictionary knows only as a verb form: the tagger's noun
    (`— усмехается Уилсон`, a rare verb it has not seen) is wrong."""
    found = morph.parse(word)
    return bool(found) and all(p.is_known and p.tag.POS in _VERB_FORMS for p in found)


# (Not participles: the tagger rightly reads many as adjectives.)
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND"})


def _phrase_cue(sent: Sentence, i: int, words: _Words) -> Cue | None:
    tokens = sent.tokens
    index = _phrases()
    for lemma in words.lemmas[i]:
        for parts, tags in index.get(lemma, ()):
            j, last = 1, i
            matched = [i]
            # The words of a phrase may be split by a pronoun or an adverb
            # (`выразил свое мнение`, `не исключил`); allow two in between.
            k = i + 1
            while j < len(parts) and k < len(tokens) and k <= last + 3:
                if parts[j] in words.lemmas[k] or words.norms[k] == parts[j]:
                    last, j = k, j + 1
                    matched.append(k)
                k += 1
            if j == len(parts):
                head = _head_of(tags, matched)
                return Cue(sent, head, i, last, VERB, tags)
    return None


def _head_of(tags: frozenset[str], matched: list[int]) -> int:
    """The phrase word that carries the syntax (`head=2` in `не исключать`)."""
    for tag in tags:
        if tag.startswith("head="):
            n = int(tag[len("head=") :]) - 1
            if 0 <= n < len(matched):
                return matched[n]
    return matched[0]


def _source_name(token: Token) -> bool:
    """A name after `согласно` (`Bloomberg`, `ТАСС`, `Марку`), not a
    capitalised common noun (`Согласно Конституции`: a norm is followed, not
    reported)."""
    text = token.text
    if not text[:1].isupper():
        return False
    if text.isascii() or (len(text) > 1 and text.isupper()):
        return True
    return any({"Name", "Surn", "Orgn", "Trad"} & p.tag.grammemes for p in morph.parse(text)[:2])


def _person_noun(token: Token) -> bool:
    return token.pos == "NOUN" and token.feats.get("Animacy") == "Anim"


def _source_cue(sent: Sentence, i: int, words: _Words) -> Cue | None:
    """`по словам`, `по его мнению`, `по официальным данным`, `согласно отчету`."""
    tokens = sent.tokens
    word = words.norms[i]
    sources = _sources()
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if word == "по" and i > 0 and _person_noun(tokens[i - 1]):
        return None  # `директор по оценке`, `специалист по данным`: a title
    if (
        word == "по"
        and i > 0
        and tokens[i - 1].pos != "PUNCT"
        and nxt is not None
        and ("версия" in words.lemmas[i + 1])
    ):
        # `пояс по версии WBC`, `в рейтинге по версии Bloomberg`: who awards or
        # ranks; a source's version opens its clause (`По версии следствия, …`).
        return None
    if word == "согласно" and nxt is not None and norm(nxt.text) in _RELATIVE_DATIVE:
        return _relative_source(sent, i, words)
    if word == "согласно" and nxt is not None and _source_name(nxt):
        # `Согласно Bloomberg, …`, `Согласно Марку, …`: a name is the source.
        return Cue(sent, i + 1, i, i, SOURCE, frozenset({"soglasno", "name"}))
    tag = _SOURCE_PREPOSITIONS[word]
    if tag is not None and _inside_clause(tokens, i) and not _answering(words, i):
        return None  # set off as a parenthesis only: `узнали это со слов очевидцев` is not
    for j in range(i + 1, min(i + 4, len(tokens))):
        found = [lemma for lemma in words.lemmas[j] if lemma in sources]
        if tag is not None:
            # `Со слов чемпиона`, `На его взгляд`: only the nouns used so.
            found = [lemma for lemma in found if tag in sources[lemma]]
        if found:
            if word == "по" and tokens[j].feats.get("Case", "Dat") != "Dat":
                return None
            if "legal" in sources[found[0]] and (word != "согласно" or _inside_clause(tokens, i)):
                return None  # `по закону`, `сокращен согласно закону о …`: by its authority
            if word == "по" and j + 1 < len(tokens) and words.norms[j + 1] == "за":
                return None  # `Национального центра по наблюдению за ураганами`: a name's
            return Cue(sent, j, i, j, SOURCE, sources[found[0]] | {word})
        # `согласно опубликованной декларации`: a participle, like an adjective.
        participle = tokens[j].feats.get("VerbForm") == "Part"
        if tokens[j].pos not in {"DET", "ADJ", "PRON", None} and not participle:
            return None
    return None


_RELATIVE_DATIVE = {
    "которому": ("Sing", "Masc"),
    "которой": ("Sing", "Fem"),
    "которым": ("Plur", None),
}


def _relative_source(sent: Sentence, i: int, words: _Words) -> Cue | None:
    """`опубликовало расследование, согласно которому …`: the report the
    relative pronoun takes up is the source, its clause the content. Not an
    act's (`закон, согласно которому`: by its authority) nor a word that is
    no source (`пункт`, `принцип`). The cue's head is the report's noun."""
    tokens = sent.tokens
    if i < 2 or tokens[i - 1].text != ",":
        return None
    number, gender = _RELATIVE_DATIVE[words.norms[i + 1]]
    sources = _sources()
    for j in range(i - 2, max(i - 7, -1), -1):
        tok = tokens[j]
        if tok.pos == "PUNCT" or tok.pos == "VERB":
            return None
        if tok.pos != "NOUN" or tok.feats.get("Number") != number:
            continue
        if gender == "Masc" and tok.feats.get("Gender") not in {"Masc", "Neut"}:
            continue
        if gender == "Fem" and tok.feats.get("Gender") != "Fem":
            continue
        found = [lemma for lemma in lemmas(tok.text) if "soglasno" in sources.get(lemma, ())]
        if not found or "legal" in sources[found[0]]:
            return None
        return Cue(sent, j, i, i + 1, SOURCE, sources[found[0]] | {"soglasno", "relative"})
    return None


def _answering(words: _Words, i: int) -> bool:
    """`Отвечая на вопрос журналиста, готовит ли …`, `В ответ на вопрос`:
    the answer's words before `на`, the question after it."""
    return words.norms[i] == "на" and (
        "отвечать" in words.lemmas[i - 1] or (i > 1 and words.norms[i - 2 : i] == ["в", "ответ"])
    )


def _inside_clause(tokens: list[Token], i: int) -> bool:
    """Token i neither opens the sentence nor follows punctuation."""
    return i > 0 and tokens[i - 1].pos != "PUNCT"


def _linking_as(tokens: list[Token], words: _Words, i: int) -> int:
    """Where a cue starts with its `как` (`Как сообщил X`, `Как ранее
    заявлял X`, `как уже отмечалось`): an adverb or two may stand between."""
    j = i - 1
    # `, как она уточнила,`: a personal pronoun, the subject, before the verb.
    subject = j >= 0 and words.norms[j] in _SUBJECT_PRONOUNS
    if subject:
        j -= 1
    while j >= 0 and i - j <= 3 and tokens[j].pos == "ADV" and words.norms[j] not in _LINKING_AS:
        j -= 1
    if j >= 0 and words.norms[j] in _LINKING_AS and (j == i - 1 - subject or _opens(tokens, j)):
        if subject and _compared(words, j):
            return i  # `если я вел себя так, как он описывает`: a comparison
        k = j - 2 if j > 1 and words.norms[j - 1] == "," else j - 1
        pair = (words.norms[k - 1] if k > 0 else "", words.norms[k] if k >= 0 else "")
        if pair in _CONJUNCTION_BEFORE_AS or (pair[1] == "тогда" and k == j - 1):
            # `после того как она сделала ему замечание`, `с тех пор как`:
            # a conjunction of time, no source.
            return i
        return j
    return i


def _compared(words: _Words, j: int) -> bool:
    """`так, как`, `такой же, как`: the `как` of a comparison."""
    k = j - 1
    if k >= 0 and words.norms[k] == ",":
        k -= 1
    return k >= 0 and words.norms[k] in _SO


_SUBJECT_PRONOUNS = frozenset({"он", "она", "они"})
# `после того как`, `перед тем как`, `с тех пор как`, `в то время как`,
# `тогда как` (not `Кроме того, как считает эксперт`, `Тогда, как сообщали`).
_CONJUNCTION_BEFORE_AS = frozenset(
    {("после", "того"), ("до", "того"), ("мере", "того"), ("перед", "тем"), ("тех", "пор"),
     ("то", "время")}
)  # fmt: skip
_SO = frozenset({"так", "такой", "такая", "такое", "такие", "же", "тот", "то"})


def _opens(tokens: list[Token], j: int) -> bool:
    """`как` opens the sentence (after a quote mark or a dash at most); a
    `, как уже заявлялось ранее,` inside a clause is its parenthesis."""
    return all(t.pos == "PUNCT" and t.text not in {",", ";"} for t in tokens[:j])


def find(sent: Sentence) -> list[Cue]:
    """Every cue of a sentence, in text order."""
    found: list[Cue] = []
    tokens = sent.tokens
    words = _Words.of(sent)
    i = 0
    while i < len(tokens):
        word = words.norms[i]
        cue = None
        if word in _SOURCE_PREPOSITIONS:
            cue = _source_cue(sent, i, words)
        elif words.lemmas[i]:  # (no lemma, no phrase or verb starts here)
            cue = _phrase_cue(sent, i, words)
            if cue is None and not _negated(words, i):
                # A negated cue reports nothing (`не уточняют, когда …`).
                cue = _verb_cue(sent, i, words)
        if cue:
            if cue.type == VERB:
                cue.first = _linking_as(tokens, words, i)
            found.append(cue)
            i = cue.last + 1
        else:
            i += 1
    # `Отвечая на вопрос, …`: the question is the cue; the answer is the
    # verb of the main clause, not the gerund.
    return [
        cue
        for k, cue in enumerate(found)
        if not (
            cue.type == VERB
            and k + 1 < len(found)
            and "question" in found[k + 1].tags
            and found[k + 1].first == cue.last + 1
        )
    ]
