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
  sentence and is marked ``direct=False`` — unless the clause already gives the verb an object with «را»
  («... را ۳ هزار پرواز اعلام کرد که ۳۰۰ پرواز آن ...»: there «که» opens a relative clause).
- Not recognised (documented limits): a verb followed by a comma («وی ادامه داد، ...»), verbs outside the
  list («نوشت:»، «گزارش داد:»، «مطرح کرد»), and speech with no verb of saying.

Who said it — the clause before the verb (from the previous sentence end, colon or line break) decides:
1. A named person in it (full name, or the surname alone) is the speaker; the first one that is not the
   object of a preposition («در دیدار با محمد احمدی، علی رضایی گفت» → رضایی).
2. A pronoun («وی»، «او»، «ایشان») among its first words, «این» + a noun opening it («این مقام»، «این
   کارگردان»), or no words at all, refers to the speaker of the previous quote, else to the person named
   last before it.
3. A title phrase opening it («رئیس روابط عمومی اداره کل ... خوزستان» — typos allowed) is the person
   whose role matches it best (rapidfuzz ≥ ``ROLE_MATCH``). Matching no one, it is the previous named
   speaker if there is one — news prose varies how it names its one speaker («نماینده مردم تبریز ...»،
   «عضو کمیسیون ...») — else the phrase itself is the speaker (``speaker_is_role=True``).
4. A name the person finder did not report, opening the clause (after an honorific, and after a leading
   «به گزارش ...» credit or other comma-closed phrase): a known given name, then the surname, then the end
   of the clause, a comma or a function word («علی حاج کاظم امروز در گفت‌وگو با ...»); or a lone word so
   placed as the subject of a singular verb, read as a bare surname («کریمی اضافه کرد»). Its surname alone
   later refers to it. Rules 3 and 4 are tried at each opening of the clause in turn.
5. A verb of saying inside the previous quote's words («گفت: ... عنوان کرد و گفت: ...») is its speaker's
   (checked before the others).
6. Otherwise the subject is unknown («در ادامه افزود» drops it); the quote keeps the previous speaker only
   when the verb continues («افزود»، «ادامه داد»، «اضافه کرد»), else it has no speaker (None).

Role-first leads: news leads often name the role first («رئیس سازمان X گفت: ...») and the person in the
next paragraph («علی رضایی ... افزود: ...»). Role-only quotes go to the named speaker right after them when
that quote's verb continues, or when they open the text and that person has no known role that contradicts
the title.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import repeat

from rapidfuzz import fuzz, utils

from ayneh.text import gazetteer as gz
from ayneh.text.attribution import leading_credit_length
from ayneh.text.gazetteer import COMMA, SPACE, PhraseIndex, Scan
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
    _compound("ت[اأآ]کید", "کرد", "کرده است", "نمود"),
    _compound("اعلام", "کرد", "داشت", "کرده است"),
    _compound("توضیح", "داد"),
    _compound("تشریح", "کرد"),
    _compound("اذعان", "کرد", "داشت"),
    _compound("ابراز", "کرد", "داشت"),
    _compound("متذکر", "شد"),
    _compound("هشدار", "داد"),
    _compound("پاسخ", "داد"),
)
# A verb of saying right before a mark («:» or «که»); searched only in a short window before each mark, which
# is much faster than scanning the whole text for ~40 verb forms.
_VERB_BEFORE_MARK = re.compile(r"(?<![\w\u200c])(?P<verb>" + "|".join(_VERBS) + r") *$")
# Every verb form above ends in one of these: a past stem, «است» or «گوید», with the plural «ند» or without
# (tests/text/test_quotes_verbs.py checks it against the pattern). Most marks follow a word that ends
# otherwise («... است که» does not, «... نشان می‌دهد که» does): one C-level ``endswith`` rules them out
# before the window search.
_VERB_ENDINGS = tuple(
    stem + plural
    for stem in ("افزود", "داد", "کرد", "داشت", "است", "بود", "گفت", "گوید", "ساخت", "شد", "نمود")
    for plural in ("", "ند")
)
_VERB_FINAL_LETTERS = frozenset(ending[-1] for ending in _VERB_ENDINGS)  # «د» and «ت»: one probe first
_KE = " که "  # normalised text has single spaces
_VERB_WIDTH = 17  # characters in the longest verb form («خاطر نشان کرده است»); the tests check it
_COLON_AND_SPACES = re.compile(r" *: *")
_CONTINUING_VERB = re.compile("(?:" + "|".join(_CONTINUING) + ")$")
# A clause starts after a sentence end, a colon or a line break («2.5» is no end). Not after «»»: names and
# titles are quoted mid-sentence («نشست «ویدئو کنفرانس» با «محمد شریعتمداری» ...»).
_CLAUSE_BOUNDARIES = "!؟?؛:\n"
_CLAUSE_WINDOWS = (160, 800)  # characters before the verb looked at, in turn, before the whole text
_SENTENCE_END = re.compile(r"(?:[!؟?\n]|\.(?!\d))")
_OBJECT_MARKER = re.compile(r"(?<![\w\u200c])را(?![\w\u200c])")
_PRONOUNS = frozenset({"وی", "او", "ایشان"})
_THIS = "این"
# Occupations that open a speaker's clause like a title does («مهاجم تیم فوتبال استقلال گفت»), beyond the
# official titles of the gazetteer (data/titles.txt).
_OCCUPATIONS = frozenset(
    {
        *("مهاجم", "هافبک", "مدافع", "دروازه‌بان", "بازیکن", "کاپیتان", "پیشکسوت", "ملی‌پوش"),
        *("اقتصاددان", "تحلیلگر", "کارشناس", "فعال", "پژوهشگر", "نویسنده", "کارگردان", "تهیه‌کننده"),
        *("بازیگر", "خواننده", "هنرمند", "عضو"),
    }
)
_OCCUPATION_KEYS = frozenset(gz.fold_key(word) for word in _OCCUPATIONS)
_ANAPHOR_WINDOW = 3  # words at the start of a clause a pronoun may sit in («همچنین وی در پایان گفت»)
# A name right after these is the object of a preposition, not the subject of the clause.
_PREPOSITIONS = frozenset({"با", "به", "از", "برای", "نزد", "توسط", "همراه", "و", "علیه", "درباره", "سوی"})
# Where a title phrase stops: before the clause's adverbials («... با اشاره به»، «... در جمع»، «... از»).
_ROLE_PHRASE_END = re.compile(
    r"\s+(?:با (?:اشاره|بیان|تاکید|تأکید|اعلام|ابراز|حضور|انتقاد|ارائه|تشریح|یادآوری)|در|از|ضمن|امروز|طی|پس|روز"
    r"|صبح|عصر|ظهر|شب|که|نیز|هم|همچنین)(?=[\s\u200c])|[،,(«]"
)
_MAX_ROLE_SPEAKER_WORDS = 14
_MAX_GIVEN_NAMES = 2
_REPORT_OPENING = "به گزارش"


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
class _Verb:
    """A verb of saying at text[start:end] and the mark after it, which ends at ``mark_end``."""

    verb: str
    start: int
    mark_end: int
    direct: bool  # «:» (a direct quote) rather than «که»


@dataclass(frozen=True, slots=True)
class _Mention:
    """A person named at words [first, end) of the text's scan."""

    first: int
    end: int
    person: Person


def find_quotes(text: str, persons: list[Person]) -> list[Quote]:
    """Every quote in ``text`` with its speaker (see the module docstring)."""
    verbs: list[tuple[_Verb, int]] = []  # each verb with the start of its clause
    for verb in _verbs_of_saying(text):
        clause_start = _clause_start(text, verb.start)
        if _opens_quote(text, verb, clause_start):
            verbs.append((verb, clause_start))
    if not verbs:
        return []
    resolver = _SpeakerResolver(text, gz.scan(text), persons)
    quotes: list[Quote] = []
    for index, (verb, clause_start) in enumerate(verbs):
        next_clause = verbs[index + 1][1] if index + 1 < len(verbs) else len(text)
        span = _quoted_span(text, verb, next_clause)
        if span is None:
            continue
        speaker, is_role = resolver.speaker(clause_start, verb.start, verb.verb)
        quote = Quote(
            speaker=speaker,
            text=text[span[0] : span[1]],
            start=span[0],
            end=span[1],
            verb=verb.verb,
            direct=verb.direct,
            speaker_is_role=is_role,
        )
        quotes.append(quote)
        resolver.previous = quote
    return _resolve_role_first_leads(quotes, {p.name: p.role for p in persons})


def _verbs_of_saying(text: str) -> list[_Verb]:
    """Verbs of saying followed by «:» or «که», in text order."""
    found: list[_Verb] = []
    colon = text.find(":")
    while colon != -1:
        verb = _verb_before(text, colon)
        if verb is not None:
            mark = _COLON_AND_SPACES.match(text, verb.end())
            found.append(_Verb(verb.group("verb"), verb.start(), mark.end() if mark else colon + 1, direct=True))
        colon = text.find(":", colon + 1)
    ke = text.find(_KE)
    while ke != -1:
        verb = _verb_before(text, ke)
        if verb is not None:
            found.append(_Verb(verb.group("verb"), verb.start(), ke + len(_KE), direct=False))
        ke = text.find(_KE, ke + 1)
    found.sort(key=lambda v: v.start)
    return found


def _verb_before(text: str, mark: int) -> re.Match[str] | None:
    """The verb of saying that ends right before ``mark`` (spaces between them allowed), if any."""
    end = mark
    while end > 0 and text[end - 1] in " \n":  # «$» also matches before a line break that ends the window
        end -= 1
    if text[end - 1 : end] not in _VERB_FINAL_LETTERS or not text.endswith(_VERB_ENDINGS, 0, end):
        return None
    return _VERB_BEFORE_MARK.search(text, max(0, end - _VERB_WIDTH), mark)


def _clause_start(text: str, verb_start: int) -> int:
    """Where the clause ending at a verb of saying begins: after the last sentence end, colon or line break
    before it («2.5» is no sentence end), spaces skipped."""
    # Clauses are short (half of them under 50 characters): look in a small window first, then wider ones.
    # A mark that is absent costs a search of the whole window, so a small one saves most of that.
    for size in (*_CLAUSE_WINDOWS, verb_start):
        window = max(0, verb_start - size)
        boundary = max(map(text.rfind, _CLAUSE_BOUNDARIES, repeat(window), repeat(verb_start)))
        if boundary != -1 or window == 0:
            break
    dot = text.rfind(".", max(0, boundary), verb_start)
    while dot > boundary and dot + 1 < len(text) and text[dot + 1].isdigit():
        dot = text.rfind(".", 0, dot)
    start = max(boundary, dot) + 1
    while start < verb_start and text[start].isspace():
        start += 1
    return start


def _opens_quote(text: str, verb: _Verb, clause_start: int) -> bool:
    """A colon always opens a quote; «که» only when the clause has not given the verb an object («را»)."""
    return verb.direct or _OBJECT_MARKER.search(text, clause_start, verb.start) is None


def _quoted_span(text: str, verb: _Verb, next_clause: int) -> tuple[int, int] | None:
    """The quoted words after a verb: to the closing guillemet, the paragraph end or the next quote's
    clause (direct); to the sentence end (indirect)."""
    start = verb.mark_end
    paragraph_end = text.find("\n", start)
    if paragraph_end == -1:
        paragraph_end = len(text)
    if not verb.direct:
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


@dataclass
class _SpeakerResolver:
    """Rules 1–6 of the module docstring over one text, on its word scan (shared with the person finder);
    ``previous`` is the last quote found."""

    text: str
    words: Scan
    persons: list[Person]
    previous: Quote | None = None
    mentions: list[_Mention] = field(init=False)
    mention_firsts: list[int] = field(init=False)
    surnames: dict[str, str] = field(init=False)  # surname key(s) → full name, for names rule 4 found

    def __post_init__(self) -> None:
        self.mentions = _mentions(self.words, self.persons)
        self.mention_firsts = [m.first for m in self.mentions]
        self.surnames = {}

    def speaker(self, clause_start: int, verb_start: int, verb: str) -> tuple[str | None, bool]:
        """The speaker of the quote whose verb starts at ``verb_start``, and whether it is a title phrase."""
        previous = self.previous
        if previous is not None and previous.direct and previous.start == clause_start:
            # «... گفت: بزرگترین چالش ... عنوان کرد و گفت: ...»: a verb inside the previous quote's words.
            return previous.speaker, previous.speaker_is_role
        lo = bisect_left(self.words.starts, clause_start)
        hi = bisect_left(self.words.starts, verb_start)
        subject = self._subject_mention(lo, hi)
        if subject is not None:
            return subject.person.name, False
        if lo == hi or self._is_anaphoric(lo, hi):
            return self._antecedent(lo)
        for opening in self._openings(clause_start, verb_start, lo, hi):
            title = self._title_at(opening, verb_start)
            if title is not None:
                return self._title_speaker(title)
            name = self._unlisted_name_at(opening, hi, verb)
            if name is not None:
                return name, False
        if _CONTINUING_VERB.match(verb) and previous is not None:
            return previous.speaker, previous.speaker_is_role
        return None, False

    def _subject_mention(self, lo: int, hi: int) -> _Mention | None:
        """Rule 1: the first person named in words [lo, hi) who is not the object of a preposition."""
        keys = self.words.keys
        for mention in self.mentions[bisect_left(self.mention_firsts, lo) : bisect_left(self.mention_firsts, hi)]:
            if mention.first == lo or keys[mention.first - 1] not in _PREPOSITIONS:
                return mention
        return None

    def _is_anaphoric(self, lo: int, hi: int) -> bool:
        """Rule 2: «وی»، «او»، «ایشان» among the first words, or «این» + a noun opening the clause («این
        مقام»، «این کارگردان»)."""
        keys = self.words.keys
        if any(keys[k] in _PRONOUNS for k in range(lo, min(hi, lo + _ANAPHOR_WINDOW))):
            return True
        return hi - lo >= 2 and keys[lo] == _THIS and keys[lo + 1] not in gz.stopwords()

    def _antecedent(self, lo: int) -> tuple[str | None, bool]:
        if self.previous is not None and self.previous.speaker is not None:
            return self.previous.speaker, self.previous.speaker_is_role
        earlier = self.mentions[: bisect_left(self.mention_firsts, lo)]
        return (earlier[-1].person.name, False) if earlier else (None, False)

    def _openings(self, clause_start: int, verb_start: int, lo: int, hi: int) -> list[int]:
        """Word indices where the clause's subject may start: its first word, the word after a leading
        credit («به گزارش خبرنگار فارس کریمی ...»), and the word after each comma."""
        openings = [lo]
        if self.text.startswith(_REPORT_OPENING, clause_start):
            credit = leading_credit_length(self.text[clause_start:verb_start])
            if credit:
                openings.append(bisect_left(self.words.starts, clause_start + credit))
        gaps = self.words.gaps
        comma = gaps.find(COMMA, lo, hi - 1)
        while comma != -1:
            openings.append(comma + 1)
            comma = gaps.find(COMMA, comma + 1, hi - 1)
        return [k for k in openings if k < hi]

    def _title_at(self, opening: int, verb_start: int) -> str | None:
        """Rule 3: the title phrase starting at word ``opening``, or None. It ends before «با اشاره به ...»،
        «در ...», a comma and the like."""
        if gz.title_index().match(self.words, opening) is None and self.words.keys[opening] not in _OCCUPATION_KEYS:
            return None
        rest = self.text[self.words.starts[opening] : verb_start]
        end = _ROLE_PHRASE_END.search(rest)
        phrase = (rest[: end.start()] if end else rest).strip()
        if phrase and len(phrase.split()) <= _MAX_ROLE_SPEAKER_WORDS:
            return phrase
        return None

    def _title_speaker(self, title: str) -> tuple[str, bool]:
        person = _person_with_role(title, self.persons)
        if person is not None:
            return person.name, False
        previous = self.previous
        if previous is not None and previous.speaker and not previous.speaker_is_role:
            return previous.speaker, False
        return title, True

    def _unlisted_name_at(self, opening: int, hi: int, verb: str) -> str | None:
        """Rule 4 at word ``opening``: the surname of a name found earlier, a name (given names + surname),
        or a lone word as the subject of a singular verb — followed by the clause's end, a comma or a
        function word (a bare surname: «کریمی اضافه کرد»، «ابراهیمی صبح امروز ... گفت»)."""
        words, stop = self.words, gz.stopwords()
        keys = words.keys
        for size in (2, 1):
            end = opening + size
            if end <= hi and _ends_subject(words, end, hi, stop):
                known = self.surnames.get(" ".join(keys[opening:end]))
                if known is not None:
                    return known
        found = _name_at(words, opening, hi)
        if found is None and _ends_subject(words, opening + 1, hi, stop) and _is_bare_surname(keys[opening], verb):
            found = (opening, opening, opening + 1)
        if found is None:
            return None
        first, surname_first, end = found
        name = words.words(first, end)
        self.surnames[" ".join(keys[surname_first:end])] = name
        return name


def _ends_subject(words: Scan, end: int, hi: int, stop: frozenset[str]) -> bool:
    """Whether a subject ending before word ``end`` is followed by the clause's end, a break or comma, or a
    function word."""
    return end >= hi or words.gaps[end - 1] != SPACE or words.keys[end] in stop


def _name_at(words: Scan, opening: int, hi: int) -> tuple[int, int, int] | None:
    """(first word, surname's first word, end) of a name at ``opening``: honorifics, one or two known given
    names and a surname (two words after a prefix such as «حاج» or before a surname part such as «زاده»),
    then the subject's end; else None. A surname may itself be listed as a given name («سیداحمد خدائی»)."""
    honorifics, stop, keys, gaps = gz.honorific_index(), gz.stopwords(), words.keys, words.gaps
    i = opening
    while i < hi and keys[i] in honorifics:
        i += 1
    first = i
    while i < hi and i - first <= _MAX_GIVEN_NAMES and _is_given_name(keys[i]) and (i == first or gaps[i - 1] == SPACE):
        i += 1
    given = i - first
    if given == 0:
        return None
    if _ends_subject(words, i, hi, stop) or keys[i] in _PRONOUNS:
        return (first, i - 1, i) if given >= 2 else None  # a given name alone is no name
    surname = i
    i += 1
    two_word_surname = i < hi and (keys[i - 1] in honorifics or keys[i] in gz.surname_parts())
    if two_word_surname and gaps[i - 1] == SPACE and keys[i] not in stop:
        i += 1
    return (first, surname, i) if _ends_subject(words, i, hi, stop) else None


def _is_given_name(key: str) -> bool:
    if key in gz.first_names():
        return True
    prefix = next((p for p in gz.name_prefixes() if key.startswith(p) and len(key) > len(p)), None)
    return prefix is not None and key[len(prefix) :] in gz.first_names()  # «سیداحمد»


def _is_bare_surname(key: str, verb: str) -> bool:
    """A lone subject word of a singular verb of saying that is no function word, pronoun or title: a
    surname («کریمی اضافه کرد»; plural subjects take plural verbs: «کارشناسان گفتند»)."""
    return (
        not verb.endswith("ند")
        and not key.isdigit()
        and key not in gz.stopwords()
        and key not in _PRONOUNS
        and key not in gz.title_index()
        and key not in _OCCUPATION_KEYS
    )


def _mentions(words: Scan, persons: list[Person]) -> list[_Mention]:
    """Every place a person is named: the full name, or the surname alone, in text order. Looked up in the
    text's word scan, so letter variants, and ZWNJ written as nothing or as a space, do not matter."""
    if not persons:
        return []
    index = PhraseIndex((form, person) for person in persons for form in _name_forms(person.name))
    return [_Mention(first, end, person) for first, end, person in index.find_all(words)]


def _name_forms(name: str) -> list[str]:
    """The full name and its surname: the last word (ZWNJ keeps «رویین‌تن» one word), or the last two when
    the last is a surname part such as «زاده» or «نژاد»."""
    parts = name.split()
    forms = [name]
    if len(parts) >= 2:
        tail = 2 if len(parts) >= 3 and gz.fold_key(parts[-1]) in gz.surname_parts() else 1
        forms.append(" ".join(parts[-tail:]))
    return forms


def _person_with_role(phrase: str, persons: list[Person]) -> Person | None:
    """The person whose role best matches a title phrase (typos allowed), if one matches well enough."""
    best: tuple[float, Person] | None = None
    for person in persons:
        score = _role_similarity(phrase, person.role)
        if score >= ROLE_MATCH and (best is None or score > best[0]):
            best = (score, person)
    return best[1] if best else None


def _role_similarity(phrase: str, role: str | None) -> float:
    if not role:
        return 0.0
    return fuzz.token_set_ratio(_role_key(phrase), _role_key(role), processor=None)


@lru_cache(maxsize=4096)
def _role_key(text: str) -> str:
    """A title phrase or role ready for token comparison (folded letters, punctuation as spaces); roles recur
    across a text and across articles, so it is remembered."""
    return utils.default_process(gz.fold_key(text))


def _resolve_role_first_leads(quotes: list[Quote], roles: dict[str, str | None]) -> list[Quote]:
    """Give runs of role-only quotes to the named speaker right after them (see the module docstring)."""
    resolved = list(quotes)
    for index, quote in enumerate(resolved):
        if quote.speaker_is_role or quote.speaker is None:
            continue
        run_start = index
        while run_start > 0 and resolved[run_start - 1].speaker_is_role:
            run_start -= 1
        if run_start == index:
            continue
        role = roles.get(quote.speaker)
        opens_text = run_start == 0
        compatible = role is None or all(
            _role_similarity(q.speaker or "", role) >= ROLE_MATCH for q in resolved[run_start:index]
        )
        if _CONTINUING_VERB.match(quote.verb) or (opens_text and compatible):
            for back in range(run_start, index):
                resolved[back] = replace(resolved[back], speaker=quote.speaker, speaker_is_role=False)
    return resolved
