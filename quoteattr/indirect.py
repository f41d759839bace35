"""Indirect speech around a verb cue.

`verb_claim` tries each shape in turn: a `что`-clause (`заявил, что …`), a
topic (`заявила о разработке плана`), a colon (`отметил: …`), a cue put
after its content (`…, — отметил X`), an `as`-clause (`Как сообщил X, …`)
and `Об этом сообщил X` (the sentence before). The helpers find where the
reported clause starts and where it ends; topics.py finds the `о`-phrase.
"""

from __future__ import annotations

from . import cuts, lexicon, speakers, subjects
from .backrefs import _about_this, _about_this_claim, _so_said, _such_a_view, _this_object
from .claims import (
    ABOUT,
    CLOSING,
    COMPLEMENTISERS,
    DASHES,
    INDIRECT,
    OPENING,
    QUESTION_WORDS,
    Claim,
    Context,
    _priority,
    _trim,
    apposition_end,
    cites_document,
    content_start,
    name_in_marks,
)
from .clause_ends import clause_end, new_speaker_cut, quote_colon
from .cues import Cue, norm
from .morph import lemmas
from .text import Sentence, Token
from .topics import _BUT, _coordinated_cut, _topic_after, _topic_before


def _clause_after(sent: Sentence, cue: Cue) -> int | None:
    """First token of a `что`/`ли`/wh-clause the cue introduces, or None."""
    tokens = sent.tokens
    asked = _yes_no_question(tokens, cue.last + 1)
    if asked is not None:
        # `поинтересовался, не боялась ли она, что …`: the question, whatever
        # the parse made of the `что` inside it.
        return asked
    if sent.parsed:
        for c in tokens[cue.head].children:
            if c <= cue.last or tokens[c].rel not in {
                "ccomp",
                "advcl",
                "csubj",
                "parataxis",
                "obj",
            }:
                continue
            for m in tokens[c].children:
                word = norm(tokens[m].text)
                if m > cue.last and tokens[m].rel == "mark" and word in COMPLEMENTISERS:
                    comp = _first_comp(sent, cue.last + 1, m)
                    if not _asks(sent, cue, comp) or _which_after_postposed(sent, cue, comp):
                        return None
                    return _after_comp(sent, comp)
    # Surface: the cue, a few words of speaker or adverbial, a comma, `что`.
    i = cue.last + 1
    if lemmas(tokens[cue.head].text) & _AGREEING and [norm(t.text) for t in tokens[i : i + 2]] == [
        "с",
        "тем",
    ]:
        return None  # `согласились с тем, что необходимо …`: a course agreed, no view
    while i < len(tokens) and i <= cue.last + 12:
        tok = tokens[i]
        word = norm(tok.text)
        if tok.text == ",":
            if (asked := _yes_no_question(tokens, i)) is not None:
                return asked  # `спросил Баринова, не беспокоит ли его …`
            nxt = norm(tokens[i + 1].text) if i + 1 < len(tokens) else ""
            parenthetical = i + 2 < len(tokens) and tokens[i + 2].text == ","
            if nxt == "но" or (nxt == "однако" and not parenthetical):
                # `говорилось о …, но прокуратура, как пишет …`: another clause
                # (`Считается, однако, что …` sets `однако` off and goes on).
                return None
            if nxt == "что" and i + 2 < len(tokens) and "касаться" in lemmas(tokens[i + 2].text):
                return None  # `говорит о том, что касается покушения`: about, not a clause
            if nxt in COMPLEMENTISERS:
                if not _asks(sent, cue, i + 1):
                    return None  # `потребовали выдать его, чтобы …`: a purpose
                if _which_after_postposed(sent, cue, i + 1):
                    return None
                return _after_comp(sent, i + 1)
            if (
                tokens[i + 1 : i + 2]
                and tokens[i + 1].pos == "ADP"
                and i + 2 < len(tokens)
                and lemmas(tokens[i + 2].text) & _WH_LEMMAS
            ):
                return i + 1  # `поинтересовался, в каких регионах …`: the question
            if nxt in QUESTION_WORDS and nxt != "ли":
                if "opinion" in cue.tags and "question" not in cue.tags:
                    return None  # `ожидали, когда прибудут спасатели`: no view, a wait
                if _relative(sent, i + 1) or not _asks(sent, cue, i + 1):
                    # `перевести его в Ноттингем, где …`: of a noun;
                    # `умоляли рассказать, где …`: the infinitive's question.
                    return None
                return min(i + 2, len(tokens) - 1)
            if i + 2 < len(tokens) and norm(tokens[i + 2].text) == "ли" and nxt != "то":
                return i + 1  # (`то ли X, то ли Y` offers two guesses, it asks nothing)
            if i + 1 == len(tokens):
                return None  # `Путин заявил,` at a line's end: nothing follows here
            if nxt not in {"в", "на", "по", "а"} and tokens[i + 1].pos in {"VERB", "AUX"}:
                return None
        elif tok.text in OPENING and (close := name_in_marks(tokens, i)) is not None:
            i = close  # `сказал «Коммерсанту», что …`: the outlet told, a name
        elif (
            (tok.text in {":", ".", ";", "!", "?"} and not _inside_a_word(tokens, i))
            or tok.text in OPENING
            or (tok.pos in {"VERB", "AUX"} and tok.feats.get("VerbForm") == "Fin")
        ):
            return None
        elif word in COMPLEMENTISERS and i == cue.last + 1:
            return _after_comp(sent, i)
        i += 1
    return None


def _yes_no_question(tokens: list[Token], i: int) -> int | None:
    """`, беспокоит ли его …`, `, не обидно ли ей …` right after the cue:
    where the question starts."""
    if i >= len(tokens) or tokens[i].text != ",":
        return None
    j = i + 1
    if j < len(tokens) and norm(tokens[j].text) == "не":
        j += 1
    # (`ли`, not the name `Ли Куан Ю`)
    if j + 1 < len(tokens) and tokens[j + 1].text == "ли" and norm(tokens[j].text) != "то":
        return i + 1
    return None


def _inside_a_word(tokens: list[Token], i: int) -> bool:
    """`bbcrussian.com`: a full stop with no space either side joins a name."""
    return 0 < i < len(tokens) - 1 and (
        tokens[i - 1].stop == tokens[i].start and tokens[i].stop == tokens[i + 1].start
    )


# Question words after a preposition: `в каких`, `с кем`, `на что`, `о чем`.
_WH_LEMMAS = frozenset({"какой", "кто", "что", "чей", "сколько", "каков"})


def _asks(sent: Sentence, cue: Cue, comp: int) -> bool:
    """Is the clause at `comp` the cue's (`потребовал, чтобы …`), not a
    purpose (`призвали выдать его, чтобы …`, `для того, чтобы`) or an
    infinitive's (`умоляли рассказать, где …`)? An infinitive between the
    cue and the clause takes it; `для того` marks a purpose."""
    tokens = sent.tokens
    words = [norm(t.text) for t in tokens[max(0, comp - 3) : comp]]
    if "того" in words and ("для" in words or "ради" in words):
        return False
    if norm(tokens[comp].text) == "чтобы" and any(
        t.feats.get("VerbForm") == "Inf" for t in tokens[comp + 1 : comp + 3]
    ):
        return False  # `предлагал жалованье, чтобы привлечь …`: in order to
    return not any(
        t.feats.get("VerbForm") == "Inf" and t.pos == "VERB" for t in tokens[cue.last + 1 : comp]
    )


def _relative(sent: Sentence, wh: int) -> bool:
    """A question word that opens a relative clause of a noun (`в Ноттингем,
    где …`, `тому, кто …`), as the parse hangs it, not a reported question."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    head = tokens[wh].head
    return head >= 0 and tokens[head].rel in {"acl", "acl:relcl"}


def _first_comp(sent: Sentence, start: int, found: int) -> int:
    """The first `, что` after the cue: the parse may hang a deeper clause
    on the cue (`отмечает, что поняла, что письмо отправлено`, `отметил, что
    важно, чтобы …`)."""
    tokens = sent.tokens
    for i in range(start + 1, found):
        # `отметил, что важно, чтобы …`: the first complementiser, whichever.
        if tokens[i - 1].text == "," and norm(tokens[i].text) in COMPLEMENTISERS:
            return i
    return found


# `согласился, что проблема назрела` states a view; `согласились с тем,
# что …` agrees to a course of action.
_AGREEING = frozenset({"согласиться", "соглашаться"})


def _which_after_postposed(sent: Sentence, cue: Cue, comp: int) -> bool:
    """`X готова к увеличению добычи, сказали Рейтер три источника, что может
    привести к …`: after a cue put after its content, its subject after it,
    `что` before a verb of its own is the relative that takes up the whole
    content, not a clause the cue brings in."""
    tokens = sent.tokens
    if not sent.parsed or norm(tokens[comp].text) != "что" or comp + 1 >= len(tokens):
        return False
    verb = tokens[comp + 1]
    if verb.pos not in {"VERB", "AUX"} or verb.feats.get("Number") != "Sing":
        return False
    if verb.feats.get("Gender") not in {None, "Neut"}:
        return False  # `…, что пришёл`: someone's act, the cue's clause
    if _postposed(sent, cue) is None:
        return False
    return any(
        tokens[c].rel in {"nsubj", "nsubj:pass"} and cue.head < c < comp
        for c in tokens[cue.head].children
    )


def _after_comp(sent: Sentence, i: int) -> int:
    """Skip the complementiser and a comma right after it (`что, если …`)."""
    i += 1
    while i < len(sent.tokens) and sent.tokens[i].text == ",":
        i += 1
    return min(i, len(sent.tokens) - 1)


def _thing_as_subject(sent: Sentence, cue: Cue) -> bool:
    """The cue's subject is a common noun for a thing (`проверка`, `опрос`)."""
    return speakers.thing_as_subject(sent, cue.head)


def _work_as_subject(sent: Sentence, cue: Cue) -> bool:
    """The cue's subject is a work of art or a show (`фильм`, `выставка`)."""
    if not sent.parsed:
        return False
    verb = sent.tokens[cue.head]
    subject = subjects.nominal_subject(sent, cue.head)
    if subject is None and verb.feats.get("VerbForm") == "Part" and verb.rel in {"acl", "amod"}:
        subject = verb.head  # `Фильм «Хлеб», рассказывающий о работе аграриев`
    return (
        subject is not None
        and subject >= 0
        and bool(lemmas(sent.tokens[subject].text) & lexicon.words("name_nouns", "work"))
    )


def _told_in_a_work(sent: Sentence, cue: Cue) -> bool:
    """`роману, в котором рассказывается о расизме`: what a work is about,
    where its relative clause holds the cue (a document's `в котором
    говорится` still reports)."""
    tokens = sent.tokens
    i = cue.first - 1
    if i < 1 or norm(tokens[i].text) not in _WHERE_IN:
        return False
    if norm(tokens[i].text) != "где":
        i -= 1
        if norm(tokens[i].text) not in {"в", "во"}:
            return False
    k = i - 1
    while k >= 0 and tokens[k].pos == "PUNCT":
        if tokens[k].text in CLOSING:
            # `роману «Убить пересмешника», в котором`: the noun before the title.
            k -= 1
            while k > 0 and tokens[k].text not in OPENING:
                k -= 1
        k -= 1
    return k >= 0 and bool(lemmas(tokens[k].text) & lexicon.words("name_nouns", "work"))


_WHERE_IN = frozenset({"котором", "которой", "которых", "где"})


def _evidence_as_subject(sent: Sentence, cue: Cue) -> bool:
    """`Такая динамика говорит о росте …`: a thing that points to another
    (`Пара объявила о помолвке`: a couple speaks; only `говорить` so)."""
    return "говорить" in lemmas(sent.tokens[cue.head].text) and _thing_as_subject(sent, cue)


def _colon_after(sent: Sentence, cue: Cue) -> int | None:
    tokens = sent.tokens
    for i in range(cue.last + 1, min(len(tokens), cue.last + 10)):
        if tokens[i].text == ":":
            if 0 < i < len(tokens) - 1 and _digits_around(tokens, i):
                return None  # `до 8:30 вторника`: a time, not a colon
            return i + 1 if i + 1 < len(tokens) else None
        if tokens[i].pos == "PUNCT" and tokens[i].text not in {"«", "»", '"'}:
            return None
        if tokens[i].pos == "ADJ" and tokens[i].feats.get("Case") == "Ins":
            return None  # `признал президента виновной:`: a verdict, its object whole
    return None


def _digits_around(tokens: list[Token], i: int) -> bool:
    before, after = tokens[i - 1], tokens[i + 1]
    return (
        before.text[-1:].isdigit()
        and after.text[:1].isdigit()
        and before.stop == tokens[i].start
        and tokens[i].stop == after.start
    )


def _postposed(sent: Sentence, cue: Cue) -> int | None:
    """`CONTENT, — заявил X` / `CONTENT, отметил X`: the last content token."""
    i = cue.first - 1
    tokens = sent.tokens
    seen = False
    while (
        i >= 0 and tokens[i].pos == "PUNCT" and (tokens[i].text in DASHES or tokens[i].text == ",")
    ):
        seen = True
        i -= 1
    if not seen or i < 0 or not _free_standing(sent, cue):
        return None
    return i


def _which_clause(sent: Sentence, cue: Cue) -> int | None:
    """`CONTENT, о чём сообщил X`: the last content token before the comma."""
    i = cue.first
    tokens = sent.tokens
    if i < 4 or tokens[i - 3].text != ",":
        return None
    if norm(tokens[i - 2].text) not in ABOUT or norm(tokens[i - 1].text) not in {"чем", "чём"}:
        return None
    return i - 4


# Relations of a predicate inside another clause: a verb there is part of
# the content or of a noun phrase, not a cue put after its content.
_DEPENDENT_RELS = {"acl", "acl:relcl", "amod", "ccomp", "xcomp", "csubj"}


def _misread_ccomp(sent: Sentence, cue: Cue) -> bool:
    """`Ожидается, что ВВП сократится, говорится в прогнозе`: the parser
    may make a postposed cue a complement of the opening verb; one with no
    complementiser of its own after a comma ending the content is the cue."""
    tokens = sent.tokens
    verb = tokens[cue.head]
    if verb.rel != "ccomp" or verb.head < 0 or verb.head > cue.first:
        return False
    return not any(
        tokens[c].rel in {"mark", "nsubj", "nsubj:pass"} and c < cue.first for c in verb.children
    )


def _free_standing(sent: Sentence, cue: Cue) -> bool:
    """A postposed cue stands alone after its content: `…, отметил Чистов`.

    Not `…, не имеющий рейтингов, допустил просрочку` (the verb has its
    subject before it and a noun object after it: a predicate of the
    content) nor `…, допускал ли этот регион` (an indirect question).
    """
    tokens = sent.tokens
    nxt = tokens[cue.last + 1] if cue.last + 1 < len(tokens) else None
    if nxt is not None and norm(nxt.text) == "ли":
        return False
    verb = tokens[cue.head]
    if verb.feats.get("VerbForm") == "Conv":
        return False  # `…, объяснив их опьянением`: a gerund adds to its own clause
    if not sent.parsed:
        return True
    if verb.rel in _DEPENDENT_RELS and not _misread_ccomp(sent, cue):
        return False
    for c in verb.children:
        child = tokens[c]
        if (
            c < cue.first
            and child.rel in {"nsubj", "nsubj:pass"}
            and _agrees_in_number(child, verb)
        ):
            # (`Это уже 1136-я грамота, …, сообщили в музее`: a singular the
            # parser gave a plural verb is not its subject.)
            return False
        if (
            c > cue.last
            and child.rel == "obj"
            and child.pos == "NOUN"
            and "cite" not in cue.tags
            and not speakers.words_object(sent, cue.head)
        ):
            # (`…, приводит ТАСС слова X`, `…, цитирует РБК зампреда`: the
            # object of a citing verb is whose words they are.)
            return False
    # `…, считался Главой Дома Романовых`: what he was held to be, no speaker.
    return not ("opinion" in cue.tags and _instrumental_after(sent, cue))


def _agrees_in_number(subject: Token, verb: Token) -> bool:
    number = verb.feats.get("Number")
    return number is None or subject.feats.get("Number") in {None, number}


def _instrumental_after(sent: Sentence, cue: Cue) -> bool:
    """A noun or adjective in the instrumental right after the cue: the
    predicate of `считаться`, not a speaker."""
    tokens = sent.tokens
    i = cue.last + 1
    return (
        i < len(tokens)
        and tokens[i].pos in {"NOUN", "ADJ", "PROPN"}
        and tokens[i].feats.get("Case") == "Ins"
    )


def _modifies_cue_phrase(phrase: list[Token], word: Token) -> bool:
    """A full participle in the case of an oblique noun of the cue's phrase."""
    if word.feats.get("VerbForm") != "Part" or word.feats.get("Variant") == "Short":
        return False
    case = word.feats.get("Case")
    return case not in {None, "Nom"} and any(
        t.pos in {"NOUN", "PROPN"} and t.feats.get("Case") == case for t in phrase
    )


# Words that open a time adverbial of the act of saying, not more content.
_WHEN_SAID = frozenset({"спустя", "после", "через", "накануне", "незадолго", "вскоре", "перед"})


def _resumes_after(sent: Sentence, cue: Cue) -> bool:
    """The sentence goes on after the cue and its speaker, past a comma."""
    tokens = sent.tokens
    mention = speakers.of_cue(cue)
    end = mention.tokens[-1] if mention is not None else cue.last
    end = max(end, cue.last)
    # `как отмечается в ее сообщении, …`, `сказал он журналистам в пятницу,
    # …`: the cue's own words run on to the comma, with no verb of their own.
    nxt = end + 1
    while nxt < len(tokens) and tokens[nxt].pos not in {"PUNCT", "VERB", "AUX"}:
        nxt += 1
    end = nxt - 1
    rest = [t for t in tokens[end + 1 :] if t.pos != "PUNCT"]
    if rest and rest[0].feats.get("VerbForm") == "Conv":
        return False  # `…, отметил X, выступая в парламенте`: the speaker's act
    if (
        rest
        and mention is not None
        and (rest[0].feats.get("VerbForm") == "Part" or rest[0].pos == "ADJ")
        and rest[0].feats.get("Case") == "Nom"
        and rest[0].feats.get("Number") == mention.head_token.feats.get("Number")
    ):
        return False  # `…, рассказал источник, знакомый с ситуацией`: the speaker's
    if rest and _modifies_cue_phrase(tokens[cue.first : end + 1], rest[0]):
        # `…, говорится в заявлении организаторов, опубликованном на странице
        # фестиваля`: the document's participle, more of the cue.
        return False
    if rest and norm(rest[0].text) in {"однако", "но", "а"}:
        return False  # `…, сообщил X, однако сумму он раскрывать не стал`: the narrator's
    if rest and norm(rest[0].text) in _WHEN_SAID:
        return False  # `…, сообщили в Елисейском дворце, спустя сутки после того, как …`
    if rest and _relay_verb(sent, rest[0]):
        return False  # `…, считает Меркель, пишут «Ведомости»`: a relay follows
    if rest and _which_after_postposed(sent, cue, rest[0].index):
        return False  # `…, сказали три источника, что может привести к …`
    # What follows the comma goes on past a speaker named before it (`Судно,
    # как сообщили в пресс-службе порта, село на мель`), or has a predicate
    # of its own; not just more of the cue (`сообщили в воскресенье, 8 июля,
    # представители полиции`).
    named = mention is not None and mention.tokens[-1] <= end
    predicate = any(t.pos in {"VERB", "AUX"} or t.feats.get("Variant") == "Short" for t in rest)
    return bool(rest) and (named or predicate) and tokens[end + 1].text == ","


def _relay_verb(sent: Sentence, verb: Token) -> bool:
    """A speech verb with its subject after it (`пишут «Ведомости»`), not a
    predicate of the sentence's own subject (`передала дело в суд`)."""
    if verb.pos != "VERB" or not lemmas(verb.text) & lexicon.words("speech_verbs"):
        return False
    return any(
        sent.tokens[k].rel in {"nsubj", "nsubj:pass"} and k > verb.index for k in verb.children
    )


_PHASE = {"начать", "начинать", "стать", "продолжить", "продолжать", "поспешить", "поторопиться",
          "хотеть", "захотеть", "успеть", "решить", "смочь"}  # fmt: skip


def _phase(sent: Sentence, verb: Token) -> bool:
    """`начали сообщать о …`, `поспешил заявить, что …`, `хотел подчеркнуть,
    что …`, `успел сказать, что …`: an infinitive under a verb of beginning,
    going on, hurrying, wanting or managing is itself the act of saying."""
    if verb.rel != "xcomp" or verb.head < 0:
        return False
    head = sent.tokens[verb.head]
    if any(norm(sent.tokens[c].text) == "не" for c in head.children):
        return False  # `не смог сказать, когда …`: nothing was said
    return bool(lemmas(head.text) & _PHASE)


_NOMINAL_RELS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl"})


def _first_person_subject(sent: Sentence, verb: int) -> bool:
    """A past-tense cue (no person of its own) whose subject is `я` or `мы`;
    inside someone's quote such a cue is dropped anyway (resolve.py)."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    return any(
        tokens[c].rel == "nsubj" and norm(tokens[c].text) in {"я", "мы"}
        for c in tokens[verb].children
    )


def _past_a_but(sent: Sentence, verb: int, i: int) -> bool:
    """`говорилось о …, но прокуратура передала …`: the parse may give the
    cue the subject of the clause after `, но`."""
    tokens = sent.tokens
    return any(
        tokens[k].text == "," and norm(tokens[k + 1].text) in _BUT for k in range(verb + 1, i - 1)
    )


def _is_clause(sent: Sentence, i: int) -> bool:
    """`Считается, что поддержка будет получена`: the parse may make the
    `что`-clause the passive's subject."""
    return any(
        sent.tokens[m].rel == "mark" and norm(sent.tokens[m].text) in COMPLEMENTISERS
        for m in sent.tokens[i].children
    )


def _leads_another_cue(ctx: Context, cue: Cue) -> bool:
    """`Говоря о новом стадионе, губернатор отметил, что …`: a gerund before
    the verb of saying it hangs on names the occasion; the act is the verb's."""
    verb = cue.token
    if verb.feats.get("VerbForm") != "Conv" or not cue.sent.parsed:
        return False
    return verb.head > cue.head and any(c.head == verb.head for c in ctx.cues[cue.sent.index])


def _that_follows(sent: Sentence, verb: int) -> bool:
    """`…, утверждается, что …`: a passive cue with its `что` clause right
    after reports, whatever the parser made its subject (`В Telegram-канале
    «Авиаторщина» утверждается, что`: the channel's name in marks)."""
    words = [norm(t.text) for t in sent.tokens[verb + 1 : verb + 3]]
    return words == [",", "что"]


def verb_claim(ctx: Context, cue: Cue) -> Claim | None:
    """Indirect speech around a verb cue: clause, topic, colon, postposed, `как`."""
    sent = cue.sent
    tokens = sent.tokens
    verb = tokens[cue.head]
    if verb.feats.get("Person") == "1" and "impersonal" not in cue.tags:
        return None  # `Напомним`, `Отметим`: the journalist, not a source
    if verb.feats.get("Person") == "2" and verb.feats.get("Mood") != "Imp":
        return None  # `Вы опасаетесь, что …?`: an interviewer's question
    if _first_person_subject(sent, cue.head):
        return None  # `Мы бы считали, что …` in the narrative: the writer's own voice
    if "quoteonly" in cue.tags and not _aside(sent, cue):
        return None  # `усмехнулся`, `поздравил`: speech only next to a quote
    if verb.feats.get("VerbForm") == "Part" and verb.rel in _NOMINAL_RELS:
        return None  # `подозреваемые в терроризме перевозились`: a participle as a noun
    if verb.feats.get("VerbForm") == "Inf" and not _phase(sent, verb):
        return None  # `Следует отметить, что`, `призвали сообщить`: no act of saying
    short_passive = verb.feats.get("Variant") == "Short" and verb.feats.get("Voice") == "Pass"
    if (
        ("impersonal" in cue.tags or short_passive)
        and sent.parsed
        and not _that_follows(sent, cue.head)
        and not _such_a_view(ctx, sent, cue)  # `Такие данные приводятся в докладе`
        and any(
            tokens[c].rel in {"nsubj", "nsubj:pass"}
            and not _is_clause(sent, c)
            and not _past_a_but(sent, cue.head, c)
            for c in verb.children
        )
    ):
        # `Симптомы отмечались и у …`, `Книга написана в память о …`: a passive
        # with a subject is not speech; `было объявлено о …` has none.
        return None
    if (
        "testimony" in cue.tags
        and sent.parsed
        and subjects.nominal_subject(sent, cue.head) is None
        and sent.tokens[cue.head].feats.get("Number") == "Plur"
    ):
        # `Картину Шишкина покажут в Верхнесурске`: shown to the public, by no
        # one in particular; testimony needs a witness.
        return None
    if cue.tags & {"testimony", "opinion"} and _thing_as_subject(sent, cue):
        # `проверка показала, что`: a finding; `устройство предполагает
        # переработку`: what a thing entails. Neither is anyone's speech.
        return None
    if short_passive and "negated" in cue.tags:
        return None  # `Не исключено, что …`: the writer's own hedge, no one's words
    how = None
    span = None
    cut: tuple[cuts.Cut, ...] = ()
    as_clause = norm(tokens[cue.first].text) == "как"
    if (
        _about_this(sent, cue)
        or _this_object(ctx, sent, cue)
        or _such_a_view(ctx, sent, cue)
        or _so_said(ctx, sent, cue)
    ):
        return _about_this_claim(ctx, cue)
    if as_clause:
        span, how = _as_clause(ctx, cue), "as"
    if span is None and "naming" not in cue.tags:
        first = _clause_after(sent, cue)
        if first is not None:
            end = clause_end(ctx, cue, first)
            span, how = _trim(sent, first, end), "clause"
            cut = cuts.proposals(sent, cue, first, end, how)
    if (
        span is None
        and "naming" not in cue.tags
        and not cue.tags & {"opinion", "noabout", "request"}
        # `Картина рассказывает о жизни поселка`: a work about its subject
        # matter, no one's words; `Такая динамика говорит о росте …`: a fact
        # that points to another.
        and not _work_as_subject(sent, cue)
        and not _told_in_a_work(sent, cue)
        and not _evidence_as_subject(sent, cue)
        and not _leads_another_cue(ctx, cue)
    ):
        first = _topic_after(sent, cue)
        if first is not None and _colon_quote_after(sent, first):
            # `отозвался об этом проекте так: «…»`: the quote is what was said.
            first = None
        if first is not None:
            last = _coordinated_cut(sent, cue, first, clause_end(ctx, cue, first))
            span, how = _trim(sent, first, last), "topic"
            cut = cuts.proposals(sent, cue, first, last, how)
        else:
            span, how = _topic_before(sent, cue), "topic"
    if span is None and "naming" not in cue.tags:
        first = _colon_after(sent, cue)
        if first is not None and tokens[first].text not in OPENING:
            span, how = _trim(sent, first, len(tokens) - 1), "colon"
    if span is None and not as_clause:
        last = _which_clause(sent, cue)
        if last is not None:
            # `Он найден мёртвым, о чём сообщила «Фонтанка.ру»`: the clause the
            # relative `о чём` takes up, as a postposed cue's.
            span, how = _trim(sent, content_start(sent), last), "post"
    if span is None and not as_clause and not _colon_ends(sent, cue):
        last = _postposed(sent, cue)
        if last is not None:
            first = content_start(sent)
            if first > last and _resumes_after(sent, cue):
                # `Кроме того, отмечает «Лента.ру», рекламодатели отметили …`:
                # only linking words before; the words follow the source.
                span, how = _after_source(sent, cue), "post-inside"
            elif first <= last:
                span, how = _trim(sent, first, last), "post"
                resumed = _resumes_after(sent, cue)
                if resumed:
                    # `Без сомнения, пишет газета, речь идет о …`: one claim.
                    span, how = _trim(sent, first, len(tokens) - 1), "post-inside"
    if span is None:
        return None
    start, stop = span
    mention = speakers.of_cue(cue, span)
    claim = Claim(start, stop, INDIRECT, sent, cue, mention, how, _priority(how, mention))
    claim.document = cites_document(cue)
    if how in {"clause", "topic"}:
        claim.cuts = tuple(c for c in cut if start < c.stop < stop)
    return claim


def _colon_ends(sent: Sentence, cue: Cue) -> bool:
    """`В ней, в частности, говорится:` and the words in the paragraph after:
    the cue opens what follows; what stands before it is no content (not
    `…, сообщил источник «Интерфакса»:`, its speaker between)."""
    after = cue.last + 1
    return after == len(sent.tokens) - 1 and sent.tokens[after].text == ":"


def _colon_quote_after(sent: Sentence, first: int) -> bool:
    """`так: «` ends the topic's clause: the quote is the words, the topic
    only what they were about (a plain colon keeps both: `рассказал о
    пострадавших: «…»`)."""
    tokens = sent.tokens
    for i in range(first + 1, len(tokens) - 2):
        if tokens[i].text in {",", ";", ":"} or tokens[i].feats.get("VerbForm") == "Fin":
            return False
        if norm(tokens[i].text) == "так" and tokens[i + 1].text == ":":
            return tokens[i + 2].text in OPENING
    return False


def _aside(sent: Sentence, cue: Cue) -> bool:
    """`Сейчас, продолжал он, правительство ассигновало …`: a verb and its
    subject set off by commas inside a sentence that goes on; even a verb
    that is speech only beside a quote reports the sentence around it."""
    tokens = sent.tokens
    first, after = cue.first, cue.last + 1
    if first < 2 or tokens[first - 1].text != ",":
        return False
    if after + 2 >= len(tokens) or tokens[after].pos not in {"PRON", "NOUN", "PROPN"}:
        return False
    near = range(after, min(after + 5, len(tokens)))
    close = next((i for i in near if tokens[i].text == ","), None)
    return close is not None and any(t.pos != "PUNCT" for t in tokens[close + 1 :])


def _after_source(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    """From the comma after a parenthetical cue and its speaker to the end."""
    tokens = sent.tokens
    mention = speakers.of_cue(cue)
    end = max(cue.last, mention.tokens[-1] if mention else cue.last)
    for i in range(end + 1, len(tokens)):
        if tokens[i].text == ",":
            return _trim(sent, content_start(sent, i + 1), len(tokens) - 1)
    return None


def _set_off(sent: Sentence, cue: Cue) -> bool:
    """`…, как отметили в аэропорту Пулково, сможет …`: a `как` phrase whose
    speaker the rules do not take still closes with a comma, before any verb,
    and the sentence goes on after it."""
    tokens = sent.tokens
    for i in range(cue.last + 1, min(cue.last + 9, len(tokens) - 1)):
        if tokens[i].text == ",":
            return any(t.pos != "PUNCT" for t in tokens[i + 1 :])
        if tokens[i].pos in {"VERB", "AUX"} or tokens[i].text in {".", ";", ":"}:
            return False
    return False


def _as_clause(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """`Как сообщил X, CONTENT` or `CONTENT, как сообщил X`."""
    sent = cue.sent
    tokens = sent.tokens
    first = content_start(sent)
    mention = speakers.of_cue(cue)
    end = max(cue.last, mention.tokens[-1] if mention else cue.last)
    if cue.first > first:
        if _resumes_after(sent, cue) or (mention is None and _set_off(sent, cue)):
            # `В Mail.ru, как рассказали в пресс-службе, работает поиск`; a
            # clause joined before it by `, но` is not the source's (`X
            # говорилось …, но прокуратура, как пишет «Gzt.Ru», передала …`).
            for i in range(cue.first - 2, first, -1):
                if tokens[i].text == ";" or (
                    tokens[i].text == "," and norm(tokens[i + 1].text) in _BUT
                ):
                    first = content_start(sent, i + (2 if tokens[i].text == "," else 1))
                    break
            return _trim(sent, first, len(tokens) - 1)
        last = cue.first - 1
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        return _trim(sent, first, last)
    for i in range(end + 1, len(tokens)):
        if tokens[i].text == ",":
            # (`Как рассказала руководитель исследования, старший научный
            # сотрудник Анастасия Колесникова, CONTENT`: past who she is.)
            case = mention.head_token.feats.get("Case") if mention is not None else None
            i = (apposition_end(sent, i, case) if case else None) or i
            first = content_start(sent, i + 1)
            last = quote_colon(ctx, cue, first) - 1
            return _trim(sent, first, new_speaker_cut(ctx, sent, first, last))
    if (mention is not None or "impersonal" in cue.tags) and end + 1 < len(tokens):
        # `Как сообщило министерство здравоохранения в больницах …`, `Как
        # сообщается Бабур прилетел …`: no comma.
        return _trim(sent, end + 1, len(tokens) - 1)
    return None
