"""Who said what: quotes marked by verbs of saying, and the speaker each one belongs to.

Contract: ``find_quotes(text, persons) -> list[Quote]`` in text order. ``text`` should be in the comparison
form (``ayneh.text.normalize``); offsets are into ``text``. ``persons`` is ``find_persons(text)`` (one entry
per person: full name, role, first mention).

What marks a quote
- A verb of saying («گفت»، «افزود»، «اظهار کرد/داشت»، «تصریح کرد»، «ادامه داد»، «خاطرنشان کرد»، «بیان کرد»،
  «اضافه کرد»، «عنوان کرد»، «یادآور شد»، «تأکید کرد»، «گفته است» ... see ``_VERBS``; plural and glued
  forms too) followed by «:» opens a direct quote. It runs to the end of the paragraph, or to the closing
  «»» when it opens with «««», or to where the next quote's clause starts in the same paragraph.
- The same verb followed by «که» opens an indirect quote («وی گفت که ...»): it runs to the end of the
  sentence and is marked ``direct=False``.

Who said it — the clause before the verb (from the previous sentence end, colon or line break) decides:
1. A named person in it (full name, or the surname alone) is the speaker; the first one that is not the
   object of a preposition («در دیدار با محمد احمدی، علی رضایی گفت» → رضایی).
2. A pronoun («وی»، «او»، «ایشان») or an anaphoric «این مقام/مسئول/...» among its first words, or no subject
   at all (Persian drops it: «در ادامه افزود»), refers to the speaker of the previous quote, else to the
   person named last before it.
3. A title phrase opening it («رئیس روابط عمومی اداره کل ... خوزستان» — typos allowed) is the person
   whose role matches it best (rapidfuzz ≥ ``ROLE_MATCH``); with no such person the phrase itself is the
   speaker (``speaker_is_role=True``): news leads often name the role first («رئیس سازمان X گفت: ...») and
   the person in the next paragraph («علی رضایی ... افزود: ...»). A verb of continuing («افزود»، «ادامه
   داد»، «اضافه کرد») says it is the same speaker, so those role-only quotes go to that person.
4. Otherwise the clause's subject is someone the person finder did not recognise; the quote keeps the
   previous speaker only when the verb continues («افزود»), else it has no speaker (None).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, utils

from ayneh.text import gazetteer as gz
from ayneh.text.people import Person

ROLE_MATCH = 80
"""Minimum rapidfuzz token_set_ratio between a clause's title phrase and a person's role."""

_GAP = r"[ \u200c]?"  # between the parts of a compound verb: space, ZWNJ or nothing («اظهارداشت»)
_PLURAL = r"(?:ند)?"


def _compound(noun: str, *lights: str) -> str:
    return noun + _GAP + "(?:" + "|".join(lights) + ")" + _PLURAL


# Verbs that continue the previous speaker's words: the subject is the same person.
_CONTINUING = (
    r"افزود" + _PLURAL,
    _compound("ادامه", "داد"),
    _compound("اضافه", "کرد"),
    r"افزوده" + _GAP + "است",
)
_VERBS = (
    *_CONTINUING,
    r"گفت" + _PLURAL,
    r"گفته" + _GAP + "(?:است|بود)",
    r"می" + _GAP + "گوید",
    _compound("اظهار", "کرد", "داشت", "کرده است", "داشته است"),
    _compound("تصریح", "کرد", "کرده است"),
    _compound("خاطر" + _GAP + "نشان", "کرد", "ساخت", "شد"),
    _compound("بیان", "کرد", "داشت", "کرده است"),
    _compound("عنوان", "کرد", "داشت", "کرده است"),
    _compound("یادآور", "شد"),
    _compound("یادآوری", "کرد"),
    _compound("ت[اأآ]ک?ید", "کرد", "کرده است", "نمود"),
    _compound("اعلام", "کرد", "داشت", "کرده است"),
    _compound("توضیح", "داد"),
    _compound("تشریح", "کرد"),
    _compound("اذعان", "کرد", "داشت"),
    _compound("ابراز", "کرد", "داشت"),
    _compound("متذکر", "شد"),
    _compound("هشدار", "داد"),
    _compound("پاسخ", "داد"),
)
_VERB = re.compile(r"(?<![\w\u200c])(?P<verb>" + "|".join(_VERBS) + r")(?![\w\u200c])(?P<mark> *: *| +که +)")
_CONTINUING_VERB = re.compile("(?:" + "|".join(_CONTINUING) + ")$")
# A clause starts after a sentence end, a colon or a line break («2.5» is no end). Not after «»»: names and
# titles are quoted mid-sentence («نشست «ویدئو کنفرانس» با «محمد شریعتمداری» ...»).
_CLAUSE_START = re.compile(r"(?:[!؟?؛:\n]|\.(?!\d))\s*")
_SENTENCE_END = re.compile(r"(?:[!؟?\n]|\.(?!\d))")
_PRONOUNS = frozenset({"وی", "او", "ایشان"})
_ANAPHORIC_NOUNS = frozenset({"مقام", "مسئول", "مسوول", "مقام مسئول", "مدیر", "نماینده", "کارشناس", "مسئولان"})
_ANAPHOR_WINDOW = 3  # words at the start of a clause a pronoun may sit in («همچنین وی در پایان گفت»)
# A name right after these is the object of a preposition, not the subject of the clause.
_PREPOSITIONS = frozenset({"با", "به", "از", "برای", "نزد", "توسط", "همراه", "و", "علیه", "درباره", "سوی"})
_ROLE_PHRASE_END = re.compile(r"\s+(?:با|در|ضمن|امروز|طی|پس|روز|که|نیز|هم|همچنین)\s|[،,(«]")
_MAX_ROLE_SPEAKER_WORDS = 14
_WORD = re.compile(r"[\w\u200c]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote: ``speaker`` (a person's full name, a title phrase when ``speaker_is_role``, or None),
    the quoted ``text`` and its span in the text passed in, and the ``verb`` that marked it."""

    speaker: str | None
    text: str
    start: int
    end: int
    verb: str
    direct: bool = True
    speaker_is_role: bool = False


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    person: Person


def find_quotes(text: str, persons: list[Person]) -> list[Quote]:
    """Every quote in ``text`` with its speaker (see the module docstring)."""
    verbs = list(_VERB.finditer(text))
    if not verbs:
        return []
    mentions = _mentions(text, persons)
    mention_starts = [m.start for m in mentions]
    clause_starts = [_clause_start(text, found.start()) for found in verbs]
    quotes: list[Quote] = []
    previous: Quote | None = None
    for index, found in enumerate(verbs):
        clause_start = clause_starts[index]
        next_clause = clause_starts[index + 1] if index + 1 < len(verbs) else len(text)
        span = _quoted_span(text, found, next_clause)
        if span is None:
            continue
        verb = found.group("verb")
        clause = text[clause_start : found.start()]
        in_clause = mentions[
            bisect_right(mention_starts, clause_start - 1) : bisect_right(mention_starts, found.start() - 1)
        ]
        speaker, is_role = _speaker(text, clause, clause_start, in_clause, verb, previous, mentions, persons)
        quote = Quote(
            speaker=speaker,
            text=text[span[0] : span[1]],
            start=span[0],
            end=span[1],
            verb=verb,
            direct=":" in found.group("mark"),
            speaker_is_role=is_role,
        )
        quotes.append(quote)
        previous = quote
    return _resolve_role_speakers(quotes)


def _mentions(text: str, persons: list[Person]) -> list[_Mention]:
    """Every place a person is named in ``text``: the full name, or the surname alone, in text order."""
    if not persons:
        return []
    forms: dict[str, Person] = {}
    for person in persons:
        for form in _name_forms(person.name):
            forms.setdefault(form, person)
    alternatives = sorted(forms, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w\u200c])("
        + "|".join(re.escape(f).replace(r"\ ", r"[ \u200c]") for f in alternatives)
        + r")(?![\w\u200c])"
    )
    return [
        _Mention(found.start(), found.end(), forms[found.group(0).replace("\u200c", " ")])
        for found in pattern.finditer(text)
    ]


def _name_forms(name: str) -> list[str]:
    """The full name and its surname (the last word, or the last two when the last is a surname part such
    as «زاده» or «نژاد»)."""
    words = name.replace("\u200c", " ").split()
    forms = [" ".join(words)]
    if len(words) >= 2:
        tail = 2 if len(words) >= 3 and gz.fold_key(words[-1]) in gz.surname_parts() else 1
        forms.append(" ".join(words[-tail:]))
    return forms


def _clause_start(text: str, verb_start: int) -> int:
    """Where the clause that ends at a verb of saying begins (see the module docstring)."""
    start = 0
    for found in _CLAUSE_START.finditer(text, max(0, verb_start - 2000), verb_start):
        start = found.end()
    return start


def _quoted_span(text: str, verb: re.Match[str], next_clause: int) -> tuple[int, int] | None:
    """The quoted words after a verb: to the closing guillemet, the paragraph end or the next quote's
    clause (direct); to the sentence end (indirect)."""
    start = verb.end()
    paragraph_end = text.find("\n", start)
    if paragraph_end == -1:
        paragraph_end = len(text)
    if ":" not in verb.group("mark"):
        sentence_end = _SENTENCE_END.search(text, start, paragraph_end)
        end = sentence_end.start() if sentence_end else paragraph_end
    elif text.startswith("«", start):
        closing = text.find("»", start + 1, paragraph_end)
        start, end = start + 1, closing if closing != -1 else paragraph_end
    else:
        end = min(paragraph_end, next_clause) if next_clause > start else paragraph_end
    quoted = text[start:end].rstrip()
    if not quoted.strip(" .«»\"'"):
        return None
    return start, start + len(quoted)


def _speaker(
    text: str,
    clause: str,
    clause_start: int,
    in_clause: list[_Mention],
    verb: str,
    previous: Quote | None,
    mentions: list[_Mention],
    persons: list[Person],
) -> tuple[str | None, bool]:
    """The speaker of one quote and whether it is a title phrase rather than a person (rules 1–4)."""
    subject = _subject_mention(clause, clause_start, in_clause)
    if subject is not None:
        return subject.person.name, False
    words = _WORD.findall(clause)
    if not words or _is_anaphoric(words):
        return _antecedent(clause_start, previous, mentions)
    titled = _title_phrase(text, clause, clause_start)
    if titled is not None:
        person = _person_with_role(titled, persons)
        if person is not None:
            return person.name, False
        return titled, True
    if _CONTINUING_VERB.match(verb) and previous is not None:
        return previous.speaker, previous.speaker_is_role
    return None, False


def _subject_mention(clause: str, clause_start: int, in_clause: list[_Mention]) -> _Mention | None:
    """The first person named in the clause who is not the object of a preposition."""
    for mention in in_clause:
        before = _WORD.findall(clause[: mention.start - clause_start])
        if not before or before[-1] not in _PREPOSITIONS:
            return mention
    return None


def _is_anaphoric(words: list[str]) -> bool:
    head = words[:_ANAPHOR_WINDOW]
    if any(word in _PRONOUNS for word in head):
        return True
    return len(words) >= 2 and words[0] == "این" and (words[1] in _ANAPHORIC_NOUNS)


def _antecedent(clause_start: int, previous: Quote | None, mentions: list[_Mention]) -> tuple[str | None, bool]:
    if previous is not None and previous.speaker is not None:
        return previous.speaker, previous.speaker_is_role
    earlier = [m for m in mentions if m.end <= clause_start]
    return (earlier[-1].person.name, False) if earlier else (None, False)


def _title_phrase(text: str, clause: str, clause_start: int) -> str | None:
    """The title phrase opening the clause («رئیس روابط عمومی اداره کل ...»), or None if it opens with no
    title. It ends before «با اشاره به ...», «در ...», a comma and the like."""
    # The whole text's word scan is shared with (and cached by) the person finder; a clause is a slice of it.
    words = gz.scan(text)
    first = bisect_right(words.starts, clause_start - 1)
    if first >= len(words) or words.starts[first] >= clause_start + len(clause):
        return None
    if gz.title_index().match(words, first) is None:
        return None
    end = _ROLE_PHRASE_END.search(clause)
    phrase = (clause[: end.start()] if end else clause).strip()
    if not phrase or len(phrase.split()) > _MAX_ROLE_SPEAKER_WORDS:
        return None
    return phrase


def _person_with_role(phrase: str, persons: list[Person]) -> Person | None:
    """The person whose role best matches a title phrase (typos allowed), if one matches well enough."""
    key = gz.fold_key(phrase)
    best: tuple[float, Person] | None = None
    for person in persons:
        if not person.role:
            continue
        score = fuzz.token_set_ratio(key, gz.fold_key(person.role), processor=utils.default_process)
        if score >= ROLE_MATCH and (best is None or score > best[0]):
            best = (score, person)
    return best[1] if best else None


def _resolve_role_speakers(quotes: list[Quote]) -> list[Quote]:
    """Rule 3's second half: role-only quotes followed by a continuing verb of a named person are that
    person's («رئیس سازمان X گفت: ... / علی رضایی افزود: ...»)."""
    resolved = list(quotes)
    for index, quote in enumerate(resolved):
        if quote.speaker_is_role or quote.speaker is None or not _CONTINUING_VERB.match(quote.verb):
            continue
        back = index - 1
        while back >= 0 and resolved[back].speaker_is_role:
            resolved[back] = replace(resolved[back], speaker=quote.speaker, speaker_is_role=False)
            back -= 1
    return resolved
