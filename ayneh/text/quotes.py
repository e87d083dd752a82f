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
2. A pronoun («وی»، «او»، «ایشان») or an anaphoric «این مقام/مسئول/...» among its first words, or no subject
   at all (Persian drops it: «در ادامه افزود»), refers to the speaker of the previous quote, else to the
   person named last before it.
3. A title phrase opening it («رئیس روابط عمومی اداره کل ... خوزستان» — typos allowed) is the person
   whose role matches it best (rapidfuzz ≥ ``ROLE_MATCH``). Matching no one, it is the previous named
   speaker if there is one — news prose varies how it names its one speaker («نماینده مردم تبریز ...»،
   «عضو کمیسیون ...») — else the phrase itself is the speaker (``speaker_is_role=True``).
4. A name the person finder did not report, opening the clause (after an honorific, and after a leading
   «به گزارش ...،» or other comma-closed phrase): a known given name, then the surname, then the end of the
   clause or a function word («علی حاج کاظم امروز در گفت‌وگو با ...»). Its surname alone later refers to it.
5. A verb of saying inside the previous quote's words («گفت: ... عنوان کرد و گفت: ...») is its speaker's.
6. Otherwise the subject is unknown; the quote keeps the previous speaker only when the verb continues
   («افزود»، «ادامه داد»، «اضافه کرد»), else it has no speaker (None).

Role-first leads: news leads often name the role first («رئیس سازمان X گفت: ...») and the person in the
next paragraph («علی رضایی ... افزود: ...»). Role-only quotes go to the named speaker right after them when
that quote's verb continues, or when they open the text and that person has no known role that contradicts
the title.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, utils

from ayneh.text import gazetteer as gz
from ayneh.text.attribution import leading_credit_length
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
_OBJECT_MARKER = re.compile(r"(?<![\w\u200c])را(?![\w\u200c])")
_PRONOUNS = frozenset({"وی", "او", "ایشان"})
# Occupations that open a speaker's clause like a title does («مهاجم تیم فوتبال استقلال گفت»), beyond the
# official titles of the gazetteer (data/titles.txt).
_OCCUPATIONS = frozenset(
    {
        *("مهاجم", "هافبک", "مدافع", "دروازه‌بان", "بازیکن", "کاپیتان", "پیشکسوت", "ملی‌پوش"),
        *("اقتصاددان", "تحلیلگر", "کارشناس", "فعال", "پژوهشگر", "نویسنده", "کارگردان", "تهیه‌کننده"),
        *("بازیگر", "خواننده", "هنرمند", "عضو"),
    }
)
_ANAPHOR_WINDOW = 3  # words at the start of a clause a pronoun may sit in («همچنین وی در پایان گفت»)
# A name right after these is the object of a preposition, not the subject of the clause.
_PREPOSITIONS = frozenset({"با", "به", "از", "برای", "نزد", "توسط", "همراه", "و", "علیه", "درباره", "سوی"})
# Where a title phrase stops: before the clause's adverbials («... با اشاره به»، «... در جمع»، «... از»).
_ROLE_PHRASE_END = re.compile(
    r"\s+(?:با (?:اشاره|بیان|تاکید|تأکید|اعلام|ابراز|حضور|انتقاد|ارائه|تشریح|یادآوری)|در|از|ضمن|امروز|طی|پس|روز"
    r"|صبح|عصر|ظهر|شب|که|نیز|هم|همچنین)(?=[\s\u200c])|[،,(«]"
)
_MAX_ROLE_SPEAKER_WORDS = 14
_OCCUPATION_KEYS = frozenset(gz.fold_key(word) for word in _OCCUPATIONS)
_WORD = re.compile(r"[\w\u200c]+")
_SPACE_OR_ZWNJ_RUN = re.compile(r"[ \u200c]+")
_MAX_GIVEN_NAMES = 2
_CLAUSE_OPENERS = ("به گزارش", "به نقل از")


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
    verbs = [found for found in _VERB.finditer(text) if _opens_quote(text, found)]
    if not verbs:
        return []
    resolver = _SpeakerResolver(text, persons)
    clause_starts = [_clause_start(text, found.start()) for found in verbs]
    quotes: list[Quote] = []
    for index, found in enumerate(verbs):
        next_clause = clause_starts[index + 1] if index + 1 < len(verbs) else len(text)
        span = _quoted_span(text, found, next_clause)
        if span is None:
            continue
        verb = found.group("verb")
        speaker, is_role = resolver.speaker(clause_starts[index], found.start(), verb)
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
        resolver.previous = quote
    return _resolve_role_first_leads(quotes, {p.name: p.role for p in persons})


def _opens_quote(text: str, verb: re.Match[str]) -> bool:
    """A colon always opens a quote; «که» only when the clause has not given the verb an object («را»)."""
    if ":" in verb.group("mark"):
        return True
    clause = text[_clause_start(text, verb.start()) : verb.start()]
    return _OBJECT_MARKER.search(clause) is None


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


@dataclass
class _SpeakerResolver:
    """Rules 1–6 of the module docstring over one text; ``previous`` is the last quote found."""

    text: str
    persons: list[Person]
    previous: Quote | None = None
    mentions: list[_Mention] = field(init=False)
    mention_starts: list[int] = field(init=False)
    surnames: dict[str, str] = field(init=False)  # surname key → full name, for names rule 4 found

    def __post_init__(self) -> None:
        self.mentions = _mentions(self.text, self.persons)
        self.mention_starts = [m.start for m in self.mentions]
        self.surnames = {}

    def speaker(self, clause_start: int, verb_start: int, verb: str) -> tuple[str | None, bool]:
        """The speaker of the quote whose verb starts at ``verb_start``, and whether it is a title phrase."""
        clause = self.text[clause_start:verb_start]
        if self.previous is not None and self.previous.start == clause_start and self.previous.direct:
            # «... گفت: بزرگترین چالش ... عنوان کرد و گفت: ...»: a verb inside the previous quote's words.
            return self.previous.speaker, self.previous.speaker_is_role
        low = bisect_right(self.mention_starts, clause_start - 1)
        high = bisect_right(self.mention_starts, verb_start - 1)
        subject = _subject_mention(clause, clause_start, self.mentions[low:high])
        if subject is not None:
            return subject.person.name, False
        words = _WORD.findall(clause)
        if not words or _is_anaphoric(words):
            return self._antecedent(clause_start)
        title = _title_phrase(self.text, clause, clause_start)
        if title is not None:
            person = _person_with_role(title, self.persons)
            if person is not None:
                return person.name, False
            if self.previous is not None and self.previous.speaker and not self.previous.speaker_is_role:
                return self.previous.speaker, False
            return title, True
        named = self._unlisted_name(clause, verb)
        if named is not None:
            return named, False
        if _CONTINUING_VERB.match(verb) and self.previous is not None:
            return self.previous.speaker, self.previous.speaker_is_role
        return None, False

    def _antecedent(self, clause_start: int) -> tuple[str | None, bool]:
        if self.previous is not None and self.previous.speaker is not None:
            return self.previous.speaker, self.previous.speaker_is_role
        earlier = [m for m in self.mentions if m.end <= clause_start]
        return (earlier[-1].person.name, False) if earlier else (None, False)

    def _unlisted_name(self, clause: str, verb: str) -> str | None:
        """Rule 4: a name opening the clause (or one of its comma-separated openings), the surname of such
        a name found earlier, or a lone word as the subject of a singular verb — the whole clause, or
        followed by a function word (a bare surname: «کریمی اضافه کرد»، «ابراهیمی صبح امروز ... گفت»)."""
        for part in _clause_openings(clause):
            words = _WORD.findall(part)
            if not words:
                continue
            keys = [gz.fold_key(w) for w in words]
            for size in (2, 1):
                known = self.surnames.get(" ".join(keys[:size]))
                if known is not None and len(keys) >= size and (len(keys) == size or keys[size] in gz.stopwords()):
                    return known
            found = _name_at_start(words)
            lone = len(words) == 1 or keys[1] in gz.stopwords()
            if found is None and lone and _is_bare_surname(keys[0], verb):
                found = (words[0], words[0])
            if found is not None:
                name, surname = found
                self.surnames[gz.fold_key(surname)] = name
                return name
        return None


def _clause_openings(clause: str) -> list[str]:
    """The clause, then what follows each of its commas when it opens with a phrase that is not the
    subject: a credit («به گزارش ...، علی رضایی گفت») or an adverbial («در همین حال، ...»)."""
    parts = [clause]
    credit = leading_credit_length(clause)
    if credit:
        parts.append(clause[credit:])
    position = clause.find("،")
    while position != -1:
        parts.append(clause[position + 1 :])
        position = clause.find("،", position + 1)
    return parts


def _name_at_start(words: list[str]) -> tuple[str, str] | None:
    """(name, surname) when the words open with honorifics, one or two known given names and a surname
    (two words after a prefix such as «حاج» or before a surname part such as «زاده»), followed by the end
    or a function word; else None. A surname may itself be listed as a given name («سیداحمد خدائی»)."""
    honorifics, stop = gz.honorific_index(), gz.stopwords()
    keys = [gz.fold_key(w) for w in words]
    i = 0
    while i < len(keys) and keys[i] in honorifics:
        i += 1
    first = i
    while i < len(keys) and i - first <= _MAX_GIVEN_NAMES and _is_given_name(keys[i]):
        i += 1
    given = i - first
    if given == 0:
        return None
    if i >= len(keys) or keys[i] in stop or keys[i] in _PRONOUNS:
        if given < 2:  # a given name alone is no name; with two, the second is the surname
            return None
        surname_start = i - 1
    else:
        surname_start = i
        i += 1
        if i < len(keys) and keys[i] not in stop and (keys[i - 1] in honorifics or keys[i] in gz.surname_parts()):
            i += 1
        if i < len(keys) and keys[i] not in stop:
            return None
    return " ".join(words[first:i]), " ".join(words[surname_start:i])


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


def _is_given_name(key: str) -> bool:
    if key in gz.first_names():
        return True
    prefix = next((p for p in gz.name_prefixes() if key.startswith(p) and len(key) > len(p)), None)
    return prefix is not None and key[len(prefix) :] in gz.first_names()  # «سیداحمد»


def _mentions(text: str, persons: list[Person]) -> list[_Mention]:
    """Every place a person is named in ``text``: the full name, or the surname alone, in text order. A
    space or ZWNJ inside a name may be written either way or left out («رویین‌تن» = «رویین تن»)."""
    if not persons:
        return []
    forms: dict[str, Person] = {}
    written: dict[str, str] = {}
    for person in persons:
        for form in _name_forms(person.name):
            forms.setdefault(_joined(form), person)
            written.setdefault(_joined(form), form)
    alternatives = sorted(written.values(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\u200c])(" + "|".join(_flexible(form) for form in alternatives) + r")(?![\w\u200c])")
    return [_Mention(found.start(), found.end(), forms[_joined(found.group(0))]) for found in pattern.finditer(text)]


def _flexible(name: str) -> str:
    """A regex for ``name`` that allows a space or ZWNJ, or nothing,
    between any two of its letters where the registered name had one."""
    return "[ \u200c]?".join(re.escape(part) for part in _SPACE_OR_ZWNJ_RUN.split(name))


def _joined(name: str) -> str:
    return _SPACE_OR_ZWNJ_RUN.sub("", name)


def _name_forms(name: str) -> list[str]:
    """The full name and its surname: the last word (ZWNJ keeps «رویین‌تن» one word), or the last two when
    the last is a surname part such as «زاده» or «نژاد»."""
    words = name.split()
    forms = [name]
    if len(words) >= 2:
        tail = 2 if len(words) >= 3 and gz.fold_key(words[-1]) in gz.surname_parts() else 1
        forms.append(" ".join(words[-tail:]))
    return forms


def _subject_mention(clause: str, clause_start: int, in_clause: list[_Mention]) -> _Mention | None:
    """The first person named in the clause who is not the object of a preposition."""
    for mention in in_clause:
        before = _WORD.findall(clause[: mention.start - clause_start])
        if not before or before[-1] not in _PREPOSITIONS:
            return mention
    return None


def _is_anaphoric(words: list[str]) -> bool:
    """«وی»، «او»، «ایشان» among the first words, or «این» + a noun opening the clause («این مقام»،
    «این کارگردان»)."""
    head = words[:_ANAPHOR_WINDOW]
    if any(word in _PRONOUNS for word in head):
        return True
    return len(words) >= 2 and words[0] == "این" and gz.fold_key(words[1]) not in gz.stopwords()


def _title_phrase(text: str, clause: str, clause_start: int) -> str | None:
    """The title phrase opening the clause, or one of its comma-separated openings («در این مراسم ...،
    رئیس انجمن ... گفت»), or None. It ends before «با اشاره به ...», «در ...», a comma and the like."""
    # The whole text's word scan is shared with (and cached by) the person finder; a clause is a slice of it.
    words = gz.scan(text)
    for part in _clause_openings(clause):
        part_start = clause_start + len(clause) - len(part)
        first = bisect_right(words.starts, part_start - 1)
        if first >= len(words) or words.starts[first] >= clause_start + len(clause):
            continue
        if gz.title_index().match(words, first) is None and words.keys[first] not in _OCCUPATION_KEYS:
            continue
        opening = part.lstrip(' «"')
        end = _ROLE_PHRASE_END.search(opening)
        phrase = (opening[: end.start()] if end else opening).strip()
        if phrase and len(phrase.split()) <= _MAX_ROLE_SPEAKER_WORDS:
            return phrase
    return None


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
    return fuzz.token_set_ratio(gz.fold_key(phrase), gz.fold_key(role), processor=utils.default_process)


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
