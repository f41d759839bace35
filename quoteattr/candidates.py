"""Who may have said it: competing speaker candidates for each claim, with features.

The rule chain (`speakers` → `coref`) proposes one speaker per claim; it is
one candidate among several. The others come from the text around the claim:
the people and organisations named in its sentence and the three before it,
the speakers of the claims just before, the people the document keeps
returning to, and nobody (`None`). Each candidate carries named features that
describe it (where it is named, how it stands to the cue, whether it agrees
with the cue verb, how salient it is), so that `decide` can weigh them with
weights fitted to the gold.
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
from collections.abc import Sequence

import attrs

from . import coref, names
from .agreement import agreement, hard_gender, pronoun_excludes, wanted_gender
from .claims import Claim, Context, Spans
from .cues import norm
from .mentions import number_clash
from .morph import lemmas, parse
from .records import Span, Speaker, normalize
from .speakers import PRONOUNS
from .text import Sentence

_WINDOW = 3  # sentences before the claim's whose names compete
_RECENT = 3  # earlier speakers that compete
_NEAR_BEFORE, _NEAR_AFTER = 12, 6  # names in the window nearest the cue
_SALIENT_LOOKBACK = 30  # mentions before a claim whose people may be salient
_CLAIM_LOOKBACK = 30  # claims before one whose speakers may compete
_SUBJECT = {"nsubj", "nsubj:pass"}
# A pronoun (`по его словам`) or a role noun (`Политик заявил`) points back
# to a mention: where the person was named, not where the pointer stands,
# describes the candidate.
_POINTERS = {"rule_pronoun", "rule_role"}
_NAME_RELS = {"appos", "flat:name", "flat"}


@attrs.define(slots=True)
class Candidate:
    """One possible speaker of a claim; ``speaker`` None is "nobody"."""

    speaker: Speaker | None
    features: dict[str, float] = attrs.Factory(dict)

    @property
    def key(self) -> str:
        return key_of(self.speaker)


def key_of(speaker: Speaker | None) -> str:
    """Candidates that name one speaker share a key: a person by surname."""
    if speaker is None:
        return ""
    return _key(speaker.name, speaker.type.value == "person")


# A claim's candidates ask for their keys again and again (tens of thousands
# of times a corpus), and a document names the same few speakers.
@functools.lru_cache(maxsize=8192)
def _key(name: str, person: bool) -> str:
    words = _normal(name).split()
    if not words:
        return ""
    if person:
        return "p:" + " ".join(words)
    return "o:" + " ".join(words)


# Names repeat in a document: normalise each once.
_normal = functools.lru_cache(maxsize=8192)(normalize)


@attrs.define(slots=True)
class _Named:
    """A person or organisation mention: where, and as what speaker."""

    start: int
    stop: int
    sent: Sentence
    speaker: Speaker
    entity: coref.Entity | None = None
    nominative: bool | None = None  # computed when first asked
    key: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.key = key_of(self.speaker)


def collect(
    ctx: Context,
    claims: Sequence[Claim],
    rule: Sequence[Speaker | None],
    resolver: coref.Resolver,
) -> list[list[Candidate]]:
    """The candidates of every claim, in claim order."""
    mentions = _mentions(ctx, resolver)
    starts = [m.start for m in mentions]
    counts: dict[str, list[int]] = {}
    latest: dict[str, list[_Named]] = {}
    for m in mentions:
        counts.setdefault(m.key, []).append(m.start)
        latest.setdefault(m.key, []).append(m)
    spoke: dict[str, list[int]] = {}
    # The person a document or a paragraph opens with is often its topic.
    opens: dict[int, str] = {}
    for m in mentions:
        if m.key.startswith("p:"):
            opens.setdefault(m.sent.paragraph, m.key)
    topic = next((m.key for m in mentions if m.key.startswith("p:")), "")
    carried = resolver.document
    if carried is not None:
        # A window of a long document (longtext.windowed): how often and where
        # each speaker is named, and who spoke, count over the whole document.
        counts, latest = carried.counts, carried.latest  # type: ignore[assignment]
        opens, topic = carried.opens, carried.topic
        spoke = carried.spoken_before(claims[0].start if claims else 0)
    said = Spans(list(claims))
    result = []
    for i, claim in enumerate(claims):
        pool: dict[str, Candidate] = {}
        ranks: dict[str, tuple[bool, int, int]] = {}
        anchor = claim.cue.start if claim.cue is not None else claim.start
        # Nobody.
        pool[""] = Candidate(None, {"null": 1.0})
        # The rule chain's choice.
        how = _rule_kind(rule[i]) if rule[i] is not None else {}
        if rule[i] is not None:
            _add(pool, rule[i], {"rule": 1.0, **how})
            if rule[i].mention is not None and not (set(how) & _POINTERS):
                span = rule[i].mention
                sent = ctx.sentence_at(span.start)
                if sent is not None:
                    _describe(pool[key_of(rule[i])], ranks, claim, sent, span.start, span.stop,
                              said)  # fmt: skip
        # Names in the window: the claim's sentence and the ones before it.
        first = max(0, claim.sent.index - _WINDOW)
        lo = bisect.bisect_left(starts, ctx.sents[first].start)
        hi = bisect.bisect_left(starts, claim.sent.stop)
        # Only the names nearest the cue, so that a giant sentence stays linear.
        at = bisect.bisect_left(starts, anchor)
        lo, hi = max(lo, at - _NEAR_BEFORE), min(hi, at + _NEAR_AFTER)
        subjects: dict[str, int] = {}
        for m in mentions[lo:hi]:
            cand = _add(pool, m.speaker, {"named": 1.0})
            _describe(cand, ranks, claim, m.sent, m.start, m.stop, said)
            if claim.start <= m.start < claim.stop:
                # `«Госпожа Каллас, видимо, решила …», — заявила дипломат`:
                # one the words speak of by name, even if named outside too.
                cand.features["named_in_content"] = 1.0
            if m.start < anchor and not claim.start <= m.start < claim.stop and _nominative(m):
                subjects[m.key] = subjects.get(m.key, 0) + 1
        if rule[i] is not None and rule[i].mention is not None and set(how) & _POINTERS:
            k = key_of(rule[i])
            if k not in ranks:
                # An antecedent the tagger named nowhere near (`ГИБДД и МЧС`, one
                # group): the pointer's own place is all there is to describe.
                span = rule[i].mention
                sent = ctx.sentence_at(span.start)
                if sent is not None:
                    _describe(pool[k], ranks, claim, sent, span.start, span.stop, said)
        # Speakers of the claims just before: the last one, and up to
        # _RECENT distinct ones among the last few claims.
        recent: set[str] = set()
        for j in range(i - 1, max(-1, i - 1 - _CLAIM_LOOKBACK), -1):
            if rule[j] is None:
                continue
            cand = _add(pool, rule[j], {"recent_speaker": 1.0})
            if not recent:
                cand.features["last_speaker"] = 1.0
                gap = claim.sent.paragraph - claims[j].sent.paragraph
                cand.features["last_gap_para"] = min(gap, 3) / 3
            recent.add(key_of(rule[j]))
            if len(recent) >= _RECENT:
                break
        # The people the document keeps naming: named twice or more among the
        # last mentions before the claim (a bounded look back keeps a long
        # document linear).
        here = bisect.bisect_left(starts, anchor)
        salient = 0
        for m in reversed(mentions[max(0, here - _SALIENT_LOOKBACK) : here]):
            if m.key in pool or not m.key.startswith("p:"):
                continue
            if bisect.bisect_left(counts[m.key], anchor) >= 2:
                _add(pool, m.speaker, {"salient": 1.0})
                salient += 1
                if salient == _RECENT:
                    break
        _recency(pool, latest, counts, claim, anchor, rule[i], how)
        if how.get("rule_role") or how.get("rule_thing"):
            _through_role(pool, key_of(rule[i]))
        for k, cand in pool.items():
            f = cand.features
            if not k:
                continue
            if k in subjects:
                f["nominative_near"] = math.log1p(subjects[k]) / 2
            if k == topic:
                f["document_topic"] = 1.0
            if opens.get(claim.sent.paragraph) == k:
                f["paragraph_topic"] = 1.0
            where = counts.get(k, [])
            before = bisect.bisect_left(where, anchor)
            f["mentions_before"] = math.log1p(before) / 3
            f["mentions_all"] = math.log1p(len(where)) / 3
            f["spoke_before"] = math.log1p(len(spoke.get(k, ()))) / 2
            if not where:
                f["never_named"] = 1.0  # no name the tagger found: a phrase
            agreement(f, claim, cand.speaker)
        for k in [k for k, c in pool.items() if c.features.get("m_platform")]:
            if not pool[k].features.get("rule"):
                del pool[k]  # a platform never speaks (GUIDELINES "Speakers")
        for k in [k for k, c in pool.items() if c.features.pop("gender_impossible", 0)]:
            del pool[k]
        for k in [k for k, c in pool.items() if c.features.pop("number_impossible", 0)]:
            if not pool[k].features.get("rule"):
                del pool[k]
        for k in [k for k, c in pool.items() if c.features.pop("spoken_of", 0)]:
            if not pool[k].features.get("rule"):
                del pool[k]
        for k in [k for k, c in pool.items() if pronoun_excludes(rule[i], c.speaker)]:
            del pool[k]
        _claim_context(pool, claim, how)
        result.append(_merge_surnames(pool))
        if rule[i] is not None:
            spoke.setdefault(key_of(rule[i]), []).append(claim.start)
            if carried is not None:
                carried.spoke(claim.start, key_of(rule[i]))
    return result


def _merge_surnames(pool: dict[str, Candidate]) -> list[Candidate]:
    """A lone surname (`Путин`) and the one full name that ends in it are one
    candidate, under the full name; with two such names (a family) it stays."""
    full: dict[str, list[str]] = {}
    for k in pool:
        words = k[2:].split()
        if k.startswith("p:") and len(words) > 1:
            full.setdefault(coref.surname_key(words[-1]), []).append(k)
    for k in list(pool):
        words = k[2:].split()
        if not k.startswith("p:") or len(words) != 1:
            continue
        owners = full.get(coref.surname_key(words[0]), [])
        if len(owners) == 1:
            lone, target = pool.pop(k).features, pool[owners[0]].features
            for name, value in lone.items():
                target[name] = max(target.get(name, 0.0), value)
    return list(pool.values())


# An entity's gender from a first name or from the verb it is the subject of
# (entities.Entity.gender_strength), not from the tagger or a guess.
_SETTLED = 3


def _recency(
    pool: dict[str, Candidate],
    latest: dict[str, list[_Named]],
    counts: dict[str, list[int]],
    claim: Claim,
    anchor: int,
    rule: Speaker | None,
    how: dict[str, float],
) -> None:
    """Which person was named last before the cue (outside the content), and
    which of those agrees with the gender the cue or the pronoun asks for; and
    whether a person carries the title the rule chain's description gives."""
    wanted = wanted_gender(claim, rule, how)
    hard = hard_gender(claim, rule)
    described = _description_lemmas(rule, how)
    inside = rule.mention if rule is not None and rule.mention is not None else None
    order = []
    busiest, most = "", 1
    for k, cand in pool.items():
        if not k.startswith("p:"):
            continue
        named = latest.get(k, [])
        where = counts.get(k, [])
        # Bisect, not a walk over every mention: a long document stays linear.
        seen = bisect.bisect_left(where, anchor)
        last = -1
        j = seen - 1
        while j >= 0:
            if not claim.start <= named[j].start < claim.stop:
                last = named[j].start
                break
            j -= 1
        if last >= 0:
            order.append((last, k))
        if seen > most:
            busiest, most = k, seen
        at = bisect.bisect_left(where, inside.start) if inside is not None else len(where)
        if inside is not None and k != key_of(rule) and at < len(where) and where[at] < inside.stop:
            # `Менеджер Мии Фэрроу`, `представитель генсека ООН Антониу
            # Гутерриша`: a name inside the description is someone else.
            cand.features["in_rule_mention"] = 1.0
        entity = named[0].entity if named else None
        if entity is not None and described and entity.titles & described:
            cand.features["title_match"] = 1.0
        gender = entity.gender if entity is not None else None
        if wanted and gender:
            cand.features["gender_agrees" if gender == wanted else "gender_clashes"] = 1.0
        if hard and gender and gender != hard and entity.gender_strength >= _SETTLED:
            # `Она сказала`, `по ее словам`, `— заявил бывший градоначальник`
            # never point to a person whose first name or verb says the other
            # gender: agreement is grammar, not a preference to weigh.
            cand.features["gender_impossible"] = 1.0
    if busiest:
        pool[busiest].features["most_named"] = 1.0
    order.sort(reverse=True)
    if order:
        pool[order[0][1]].features["nearest_person"] = 1.0
    for _last, k in order:
        if not pool[k].features.get("gender_clashes"):
            pool[k].features["nearest_agreeing"] = 1.0
            break


def _through_role(pool: dict[str, Candidate], role: str) -> None:
    """A role noun the rule chain left unresolved (`супруга`, `пианист`,
    `Политик`) may be a person the text has named: each person who does not
    clash with it stands where the role stands, so that the choice between
    the role and a person turns on who that person is, not on where the
    person was last named."""
    stands = {k: v for k, v in pool[role].features.items() if k.startswith("m_")}
    for k, cand in pool.items():
        f = cand.features
        if k == role or not k.startswith("p:") or f.get("gender_clashes"):
            continue
        for name in [n for n in f if n.startswith("m_")]:
            del f[name]
        f.update(stands)
        f["via_role"] = 1.0


def _description_lemmas(rule: Speaker | None, how: dict[str, float]) -> frozenset[str]:
    if rule is None or rule.mention is None or not {"rule_description", "rule_role"} & set(how):
        return frozenset()
    found: set[str] = set()
    for word in rule.mention.text.split():
        found |= lemmas(word)
    return frozenset(found)


def _add(pool: dict[str, Candidate], speaker: Speaker, features: dict[str, float]) -> Candidate:
    k = key_of(speaker)
    cand = pool.get(k)
    if cand is None:
        cand = pool[k] = Candidate(speaker, {})
    elif speaker.type.value == "person" and len(speaker.name) > len(cand.speaker.name):
        # The fuller name of the same person wins: `Путин` → `Владимир Путин`.
        cand.speaker = attrs.evolve(speaker, mention=cand.speaker.mention)
    for name, value in features.items():
        cand.features[name] = max(cand.features.get(name, 0.0), value)
    cand.features["type_" + speaker.type.value] = 1.0
    return cand


def _rule_kind(speaker: Speaker) -> dict[str, float]:
    """How the rule chain found its speaker: by name, pronoun or description."""
    mention = speaker.mention
    if mention is None:
        return {"rule_inherited": 1.0}
    words = mention.text.split()
    if len(words) == 1 and norm(words[0]) in PRONOUNS:
        return {"rule_pronoun": 1.0}
    if speaker.type.value == "anonymous":
        # `певица`, `87-летний политик`, `чиновник`: one person, whom the text
        # may have named before; `эксперты`: a group; `Его опыт`: no one.
        if any(_animate(w, "sing") for w in words):
            return {"rule_role": 1.0}
        if any(_animate(w, "plur") for w in words):
            return {"rule_group": 1.0}
        return {"rule_thing": 1.0}
    if words and not words[-1][:1].isupper() and not words[0][:1].isupper():
        return {"rule_description": 1.0}
    return {"rule_named": 1.0}


def _animate(word: str, number: str) -> bool:
    best = parse(word)[:1]
    return bool(best) and {"NOUN", "anim", number} <= best[0].tag.grammemes


def _mentions(ctx: Context, resolver: coref.Resolver) -> list[_Named]:
    """Every person and organisation mention, in text order."""
    found = []
    sents = iter(ctx.sents)
    sent = next(sents, None)
    for (start, stop), entity in sorted(resolver.by_span.items()):
        # One walk over the sentences beside the sorted names.
        while sent is not None and sent.stop <= start:
            sent = next(sents, None)
        if sent is None:
            break
        if start < sent.start:
            continue
        speaker = Speaker(entity.name, "person", Span(start, stop, ctx.text[start:stop]),
                          coref.aliases(entity))  # fmt: skip
        found.append(_Named(start, stop, sent, speaker, entity))
    for sent, spans in zip(ctx.sents, ctx.names, strict=True):
        for start, stop, type_ in spans:
            if type_ != "ORG":
                continue
            words = ctx.text[start:stop].replace("«", "").replace("»", "").split()
            if not words:
                continue
            speaker = Speaker(names.org_name(words), "organization",
                              Span(start, stop, ctx.text[start:stop]))  # fmt: skip
            found.append(_Named(start, stop, sent, speaker))
    found.sort(key=lambda m: (m.start, m.stop))
    return found


def _in_brackets(sent: Sentence, start: int) -> bool:
    """An opening bracket before `start` in its sentence, closed after it."""
    depth = 0
    for token in sent.tokens:
        if token.start >= start:
            return depth > 0
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
    return False


def _describe(
    cand: Candidate,
    ranks: dict[str, tuple[bool, int, int]],
    claim: Claim,
    sent: Sentence,
    start: int,
    stop: int,
    said: Spans,
) -> None:
    """Features of one mention of the candidate; the nearest mention counts."""
    f = cand.features
    inside = claim.start <= start < claim.stop
    if sent.index > claim.sent.index:
        return
    # Counted from the cue where it stands before the content (`Он сказал:`
    # and the paragraph after): the pronoun's antecedent is near the cue.
    anchor = claim.cue.sent.index if claim.cue is not None else claim.sent.index
    dist = max(0, min(anchor, claim.sent.index) - sent.index)
    # A mention outside the content beats one inside; nearer beats farther.
    rank = (inside, dist, _token_gap(claim, start))
    if cand.key in ranks and ranks[cand.key] <= rank:
        return
    for name in list(f):
        if name.startswith("m_"):
            del f[name]
    ranks[cand.key] = rank
    f["m_in_content"] = float(inside)
    f[f"m_sent_{min(dist, 3)}"] = 1.0
    f["m_same_paragraph"] = float(sent.paragraph == claim.sent.paragraph)
    head = _token_at(sent, start, stop)
    cue = claim.cue
    if dist == 0 and cue is not None:
        f["m_before_cue" if start < cue.start else "m_after_cue"] = 1.0
        f["m_token_gap"] = math.log1p(rank[2]) / 4
        if head is not None and sent.parsed:
            tok = sent.tokens[head]
            if tok.rel in _SUBJECT and tok.head == cue.head:
                # (`Гуров, которого называют`: a singular the parse made the
                # subject of a plural verb is none.)
                if not number_clash(sent, cue.head, head):
                    f["m_subject_of_cue"] = 1.0
            elif tok.head == cue.head and tok.rel in {"obj", "iobj"}:
                # `Марию Захарову спросили`, `сказал Интерфаксу`: the one
                # asked or told, who did not say it.
                f["m_object_of_cue"] = 1.0
            elif tok.head == cue.head:
                f["m_dependent_of_cue"] = 1.0
            elif sent is cue.sent and _spoken_of(sent, cue.head, head):
                f["spoken_of"] = 1.0
    after_cue = dist == 0 and cue is not None and start > cue.start
    if after_cue and _after_place_preposition(sent, start):
        # `написал в Telegram`, `сообщил в Instagram`: where it was said, a
        # platform, never who said it (GUIDELINES "Speakers").
        f["m_platform"] = 1.0
    if head is not None and (sent.parsed or dist > 0) and sent.tokens[head].rel in _SUBJECT:
        f["m_subject"] = 1.0
        verb = sent.tokens[head].head
        if verb >= 0 and sent.tokens[verb].rel == "root":
            f["m_main_subject"] = 1.0
    if _in_brackets(sent, start):
        # `(выражение Алексея Навального)`: a name in a bracketed aside is
        # what the sentence mentions by the way, not who speaks in it.
        f["m_in_brackets"] = 1.0
    if not inside and any(o is not claim for o in said.over(start, stop)):
        # Named inside someone's words (`Колеров сообщил, что Сорокин ушел.
        # По его словам, …`): what was said about, not who says.
        f["m_in_other_content"] = 1.0
    if head is not None and sent.tokens[head].feats.get("Case") == "Nom":
        f["m_nominative"] = 1.0


# A sentence's tokens are in text order: the one at an offset is a bisection
# away, not a walk over the sentence (a claim's candidates ask it often).
_start = operator.attrgetter("start")


def _spoken_of(sent: Sentence, verb: int, noun: int) -> bool:
    """`Шкрели, которого когда-то называли «…»`: the noun the cue's relative
    clause qualifies, its `который` not the clause's subject, is whom the
    words were about, not who said them."""
    tokens = sent.tokens
    if tokens[verb].rel != "acl:relcl" or tokens[verb].head != noun:
        return False
    return any(
        norm(tokens[c].text).startswith("котор") and tokens[c].rel not in _SUBJECT
        for c in tokens[verb].children
    )


def _first_at(sent: Sentence, offset: int, lo: int = 0) -> int:
    """The index of the first token that starts at or after `offset`."""
    return bisect.bisect_left(sent.tokens, offset, lo, key=_start)


def _after_place_preposition(sent: Sentence, start: int) -> bool:
    i = _first_at(sent, start)
    before = sent.tokens[i - 1] if i > 0 else None
    return before is not None and norm(before.text) in {"в", "во", "на"}


def _nominative(m: _Named) -> bool:
    """Is the mention in the nominative (a subject, or a name in apposition
    to one)? The tagger's case, which every sentence has, parsed or not."""
    if m.nominative is None:
        head = _token_at(m.sent, m.start, m.stop)
        m.nominative = head is not None and m.sent.tokens[head].feats.get("Case") == "Nom"
    return m.nominative


def _token_gap(claim: Claim, start: int) -> int:
    cue = claim.cue
    if cue is None or cue.sent is not claim.sent:
        return 50
    i = _first_at(claim.sent, start)
    if i < len(claim.sent.tokens):
        return abs(claim.sent.tokens[i].index - cue.head)
    return 50


def _token_at(sent: Sentence, start: int, stop: int) -> int | None:
    """The head token of a mention: the one whose parse head lies outside it."""
    lo = _first_at(sent, start)
    inside = sent.tokens[lo : _first_at(sent, stop, lo)]
    if not inside:
        return None
    head = next(
        (t for t in inside if t.head < 0 or not start <= sent.tokens[t.head].start < stop),
        inside[0],
    )
    for _ in range(3):
        # A name in apposition to its title stands where the title stands:
        # `Депутат <- Иван Иванов` is the subject when `Депутат` is.
        if head.rel not in _NAME_RELS or head.head < 0:
            break
        head = sent.tokens[head.head]
    return head.index


_ROLES = ("null", "rule", "last_speaker", "recent_speaker", "named", "salient", "nearest_person",
          "nearest_agreeing", "title_match", "most_named", "in_rule_mention",
          "via_role")  # fmt: skip


def _claim_context(pool: dict[str, Candidate], claim: Claim, how: dict[str, float]) -> None:
    """What kind of claim it is, crossed with the candidate's source, so that
    one weight can say "a quote with no cue goes to the last speaker"."""
    ctx = ["kind_" + claim.kind]
    cue = claim.cue
    if cue is None:
        ctx.append("no_cue")
    else:
        ctx.append("cue_" + cue.type)
        feats = cue.token.feats
        if "impersonal" in cue.tags or (
            feats.get("Variant") == "Short" and feats.get("Voice") == "Pass"
        ):
            # `было подтверждено, что …` speaks for no one, as `сообщается` does.
            ctx.append("impersonal")
        if claim.document:
            ctx.append("document")
    ctx += list(how) or ["rule_none"]
    for cand in pool.values():
        f = cand.features
        roles = [r for r in _ROLES if f.get(r)]
        for role in roles:
            for c in ctx:
                f[f"{role}&{c}"] = 1.0
        f["bias"] = 1.0
