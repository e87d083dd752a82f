"""People named in Persian news, with their titles: «حسن نسیمی، رئیس روابط عمومی ...»، «وزیر تعاون، کار و
رفاه اجتماعی محمد شریعتمداری»، «“محمد شریعتمداری” وزیر ...».

A name is read as: honorifics (دکتر، حجت‌الاسلام ...; not kept) + an optional descent title (سید; kept) +
one or two given names («محمد رضا»، «جلال الدین») + a surname of one word, or two when the second is a
surname part (نژاد، زاده ...) or the first is «حاج»/«حاجی» («علی حاج کاظم»). After an honorific the given
name may be missing («آیت‌الله خامنه‌ای»), and after a title a second "given name" with no surname after it
is the surname («سید حسن نصرالله»). A name is never the start of a multi-word place («شاهین شهر») nor
inside an institution's name («خیابان شهید ...»).

A given name from the short lists of common names (data/first_names.txt, data/foreign_first_names.txt) with
a surname-shaped surname (…ی، …زاده، …پور ...; data/not_surnames.txt lists the adjectives that only look
so) is enough. Otherwise the name must be backed by context: a title beside it (for a common given name
any title, for one found only in the long package list a title before it or set off by a comma or quote
mark), an honorific, a verb of saying right after it, the name written as a speaker (opening a sentence or
the clause after a credit, then «با بیان ...»، «در گفت‌وگو ...»، «امروز ...» and a verb of saying), a cue
for a person right before it («به کارگردانی»، «با حضور» ...: data/person_cues.txt), its surname used
again alone as a speaker, or a listing next to a backed name — because the long list also holds many
ordinary words.

A role is the title phrase right after the name (after a comma or a closing quote too) or right before it;
a title phrase that opens a sentence with no name next to it («رئیس روابط عمومی اداره کل ... بیان کرد»)
is the role of the person mentioned last (by full name or bare surname) when that person has no role yet.
A role ends at a place or a country, taken whole («استاندار سیستان و بلوچستان»). Within a role, a
ministry's name is read whole and shown in its canonical spelling, commas and «و» included («وزیر تعاون
کار و رفاه اجتماعی» → «وزیر تعاون، کار و رفاه اجتماعی»).

Speed: the finder reads the shared scan (``gazetteer.scan``) and visits only the words that can open a
name (``Scan.having``); everything else is looked at only around those.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import BREAK, COMMA, QUOTE, SPACE, Gap, Kind, Scan

MAX_ROLE_WORDS = 14
MAX_ROLE_LOOKBACK = 14  # how far before a name a title may start
_SENTENCE_WINDOW = 60  # words searched for a verb of saying after a sentence-initial title
_JOINED_PREFIXES = ("سید", "سیده")
_PLURAL_SUFFIX = "\u200cها"  # «طرح‌های»: a plural noun is never a surname
_VERB_PREFIXES = ("می\u200c", "نمی\u200c", "می ", "نمی ")
_GIVEN_NAME_ENDS = frozenset({"الدین", "الله"})
_SURNAME_OPENERS = frozenset({"حاج", "حاجی"})  # «علی حاج کاظم»، «مهرداد حاجی بابایی»: part of the surname
_BEFORE_DR_MAJLIS = {"مجلس"}  # «نماینده مردم اهواز در مجلس ...»: «در» stays inside the role
_NAME_OPENERS = Kind.GIVEN_NAME | Kind.HONORIFIC | Kind.NAME_PREFIX  # words a name can start with
# Kinds as plain ints for the hot paths (IntFlag's «&» is Python code).
_GIVEN_NAME, _COMMON_GIVEN_NAME = Kind.GIVEN_NAME.value, Kind.COMMON_GIVEN_NAME.value
_HONORIFIC, _NAME_PREFIX, _SPEECH_VERB = Kind.HONORIFIC.value, Kind.NAME_PREFIX.value, Kind.SPEECH_VERB.value
_COMPLEMENT = Kind.MINISTRY_COMPLEMENT.value
_PLACE = (Kind.CITY | Kind.PROVINCE).value
_TITLED = (Kind.HONORIFIC | Kind.NAME_PREFIX).value
_NEVER_SURNAME = (Kind.TITLE | Kind.ORG_HEAD | Kind.HONORIFIC).value  # a word opening a title, organisation ...
_WEAK, _STRONG = 1, 2
_INSIDE_A_NAME = (SPACE, QUOTE)  # gaps that may separate the words of one name («خیابان “شهید ...”»)
# What news writes between a speaker's name and the verb of saying: «با بیان/اشاره ...»، «در گفت‌وگو با ...»،
# «امروز/ظهر امروز/دیروز ...»، «نیز»، «ضمن ...».
_BEFORE_SPEECH = frozenset({"با", "در", "امروز", "دیروز", "ظهر", "صبح", "عصر", "شب", "روز", "نیز", "هم", "ضمن", "طی"})
_CREDIT_OPENINGS = frozenset({("به", "گزارش"), ("به", "نقل")})
_CREDIT_WORDS = 30  # how far back a credit may start  # how firmly a title next to a name backs it up
_SUFFIX_WORDS = frozenset({"دوست", "فرد", "پناه", "خواه", "منش", "مند"})  # friend, individual, shelter ...
_SURNAME_ENDINGS = (
    *("ی", "یان", "زاده", "پور", "نژاد", "فر", "راد", "نیا", "لو"),
    *("وند", "کیا", "مند", "دوست", "پناه", "فرد", "نسب", "منش", "زاد", "خواه"),
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the text: ``name`` as first written in full, their best role (or None), and the
    character span of that first full mention in the text passed in."""

    name: str
    role: str | None
    start: int
    end: int


@dataclass(slots=True)
class _Mention:
    """One written name: words [first, end) with honorifics, [name_start, end) without them."""

    first: int
    name_start: int
    surname_start: int
    end: int
    honorific: bool
    common_given_name: bool  # opens with a name from data/first_names.txt
    surname_shaped: bool
    identity: tuple[str, ...]  # given-name and surname keys, descent title left out
    role: str | None = None
    role_evidence: int = 0  # _WEAK when the title merely follows after a space, _STRONG otherwise


@dataclass(frozen=True, slots=True)
class _Reading:
    """One text being read: its scan, and where its title words and verbs of saying are (found once, C-level,
    so that looking around a name is a bisect rather than a walk over words)."""

    words: Scan
    titles: list[int]
    speech: list[int]


@dataclass(slots=True)
class _Entity:
    mentions: list[_Mention]
    role: str | None = None
    positions: list[int] = field(default_factory=list)  # word indices of every mention, full or surname

    @property
    def head(self) -> _Mention:
        return self.mentions[0]


def find_persons(text: str) -> list[Person]:
    """Every person named in ``text``, once each, in order of first mention (see the module docstring)."""
    words = gz.scan(text)
    mentions = _read_names(words)
    if not mentions:
        return []
    reading = _Reading(words, words.having(Kind.TITLE), words.having(Kind.SPEECH_VERB))
    starts = {m.first for m in mentions}
    for mention in mentions:
        _attach_adjacent_role(reading, mention, starts)
    entities = _group(reading, mentions)
    _attach_sentence_roles(reading, entities, starts)
    entities.sort(key=lambda e: e.head.name_start)
    return [
        Person(words.words(e.head.name_start, e.head.end), e.role, *words.span(e.head.name_start, e.head.end))
        for e in entities
    ]


# --- names ----------------------------------------------------------------------------------------------


def _read_names(words: Scan) -> list[_Mention]:
    mentions: list[_Mention] = []
    after = 0
    keys, gaps, kinds, stop = words.keys, words.gaps, words.kinds, gz.stopwords()
    candidates = words.having(_NAME_OPENERS)
    if "سید" in words.text:  # «سیدمحمدباقر»: a descent title joined to a given name (سیده starts so too)
        candidates = sorted({*candidates, *words.positions_starting_with("سید")})
    # Most candidates are ordinary words that are also given names; without an honorific or a descent
    # title, a name goes on after a space with a second given name or a surname («حاج ...» included),
    # never a function word, a title or the like.
    last = len(keys) - 1
    candidates = [
        i
        for i in candidates
        if kinds[i] & _TITLED
        or (
            i < last
            and gaps[i] == SPACE
            and (
                kinds[i + 1] & _COMMON_GIVEN_NAME
                or keys[i + 1] in _SURNAME_OPENERS
                or not (kinds[i + 1] & _NEVER_SURNAME or keys[i + 1] in stop)
            )
        )
    ]
    for i in candidates:
        if i < after:
            continue
        mention = _read_name_at(words, i)
        if mention is not None:
            mentions.append(mention)
            after = mention.end
    return mentions


def _read_name_at(words: Scan, i: int) -> _Mention | None:
    keys, gaps, kinds = words.keys, words.gaps, words.kinds
    n = len(keys)
    if i > 0 and _named_after_something(words, i):
        return None
    if kinds[i] & _PLACE and _opens_a_place_name(words, i):
        return None
    j, bare_surname = i, ""
    while j < n and kinds[j] & _HONORIFIC and (found := gz.honorific_index().match(words, j)) is not None:
        j += found[0]
        if j >= n or gaps[j - 1] > QUOTE:
            return None
        bare_surname = found[1] or bare_surname
    # Only a title that may stand before a bare surname (دکتر، حجت‌الاسلام ...) vouches for the name; «حاج»
    # or «شهید» are also said of epithets and places («حاج قاسم», «شهید دانش‌آموز»).
    honorific = bool(bare_surname)
    name_start = j
    has_prefix = kinds[j] & _NAME_PREFIX and j + 1 < n and gaps[j] == SPACE
    if has_prefix:
        j += 1
    given = _given_names(words, j)
    j += len(given)
    if len(given) >= 2 and j < n and gaps[j - 1] == SPACE and keys[j] in gz.surname_parts():
        j = given.pop()  # «مهدی عیسی زاده»: the second word opens the surname «عیسی زاده»
    elif (
        len(given) >= 2
        and (honorific or has_prefix)
        and not (j < n and gaps[j - 1] == SPACE and _plausible_surname(words, j))
    ):
        j = given.pop()  # «سید حسن نصرالله»: after a title, the second "given name" is the surname
    surname_start = end = j
    if given:
        if j < n and gaps[j - 1] == SPACE and _plausible_surname(words, j):
            end = j + 1
        elif j + 1 < n and keys[j] in _SURNAME_OPENERS and max(gaps[j - 1 : j + 1]) == SPACE:
            if not _plausible_surname(words, j + 1):
                return None
            end = j + 2  # «علی حاج کاظم»: «حاج» opens a two-word surname, after a given name
        else:  # «مرتضی علی» with nothing after it is a poet's epithet or a list, not a name
            return None
    elif (bare_surname or has_prefix) and j < n and _plausible_surname(words, j):
        if bare_surname != "+" and not _looks_like_surname(keys[j]):
            return None  # «آقای گل»: after آقای/خانم only a surname-shaped word stands alone
        end = j + 1
    else:
        return None
    if end < n and gaps[end - 1] == SPACE and keys[end] in gz.surname_parts():
        end += 1
    common = bool(given) and bool(kinds[given[0]] & _COMMON_GIVEN_NAME)
    # An adjective or noun in «ی» is no surname: «مصلح جهانی»، «هادی روستایی».
    shaped = _looks_like_surname("".join(keys[surname_start:end])) and keys[surname_start] not in gz.not_surnames()
    if not (honorific or common or shaped):
        return None  # a rare "given name" before an ordinary word: «آذرخش هرمزگان»
    identity = tuple(keys[k] for k in given) + keys[surname_start:end]
    return _Mention(i, name_start, surname_start, end, honorific, common, shaped, identity)


def _given_names(words: Scan, j: int) -> list[int]:
    """The given name starting at word j, as word indices: one name, or two where the second is a common
    name («محمد رضا»، «علی اکبر») or «الدین»/«الله» («جلال الدین»); none if word j is no given name."""
    keys, gaps, kinds, n = words.keys, words.gaps, words.kinds, len(words.keys)
    if j >= n or not (kinds[j] & _GIVEN_NAME or _is_prefixed_given_name(keys[j])):
        return []
    given = [j]
    j += 1
    if j < n and gaps[j - 1] == SPACE and keys[j] in _GIVEN_NAME_ENDS:
        given.append(j)  # «جلال الدین»، «روح الله»: a compound given name written with a space
        j += 1
    if j < n and gaps[j - 1] == SPACE and kinds[j] & _COMMON_GIVEN_NAME:
        given.append(j)
    return given


def _named_after_something(words: Scan, i: int) -> bool:
    """Whether the name at word i is part of a place's or institution's name: «خیابان شهید محمد منتظری»،
    «دانشگاه “شهید بهشتی”». Not after a comma: «... روابط عمومی استانداری، کیانوش رستمی» names a person."""
    gaps, kinds, k = words.gaps, words.kinds, i - 1
    while k >= 0 and gaps[k] in _INSIDE_A_NAME and kinds[k] & _HONORIFIC:
        k -= 1
    return k >= 0 and gaps[k] in _INSIDE_A_NAME and words.keys[k] in gz.named_after_words()


def _opens_a_place_name(words: Scan, i: int) -> bool:
    """«شاهین شهر»، «علی‌آباد کتول»: a city or province name of two or more words starts at word i."""
    for index in (gz.city_index(), gz.province_index()):
        found = index.match(words, i)
        if found is not None and found[0] >= 2:
            return True
    return False


def _is_prefixed_given_name(key: str) -> bool:
    """«سیدمحمدباقر»: a descent title written joined to a given name."""
    return key.startswith("سید") and any(
        key.startswith(p) and key[len(p) :] in gz.first_names() for p in _JOINED_PREFIXES
    )


def _plausible_surname(words: Scan, k: int) -> bool:
    """Whether word k can be a surname at all: not a function word, verb, title, place or the like."""
    key, form = words.keys[k], words.word(k)
    return (
        len(key) >= 2
        and not words.kinds[k] & _NEVER_SURNAME
        and not form.startswith(_VERB_PREFIXES)
        and _PLURAL_SUFFIX not in form
        and key not in gz.stopwords()
        and key not in gz.place_name_keys()
    )


def _looks_like_surname(key: str) -> bool:
    """Most Iranian surnames end in the relational «ی» (نسیمی، رضایی) or a surname suffix (رحیمیان،
    حسن‌زاده، احمدی‌نژاد ...). A given name from the long list only opens a name with such a surname. A
    suffix that is also a word of its own is no such surname alone: «دوست» of «فیلیپ دوست بلازی» is a friend,
    or half a name («پور» alone is still one: «رمضان پور» is «رمضان‌پور»)."""
    return key.endswith(_SURNAME_ENDINGS) and key not in _SUFFIX_WORDS


# --- roles ----------------------------------------------------------------------------------------------


def _role_at(words: Scan, i: int, limit: int, name_starts: set[int]) -> tuple[int, str] | None:
    """The role phrase opened by a title at word i, as (end word, text), or None if no title starts there.

    It runs on over plain words and stops at punctuation, a function word or verb, an honorific, the next
    name, or ``limit``; a ministry's name inside it is taken whole.
    """
    head = gz.title_index().match(words, i)
    if head is None:
        return None
    keys, gaps = words.keys, words.gaps
    j = i + head[0]
    parts = [words.words(i, j)]
    complements, stop, places, kinds = gz.ministry_complements(), gz.stopwords(), gz.name_final_words(), words.kinds
    after_place = False
    while j < limit and j - i < MAX_ROLE_WORDS and gaps[j - 1] == SPACE:
        key = keys[j]
        if j in name_starts or kinds[j] & _HONORIFIC or words.word(j).startswith(_VERB_PREFIXES):
            break
        complement = complements.match(words, j, max_gap=Gap.COMMA) if kinds[j] & _COMPLEMENT else None
        if complement is not None:
            parts.append(complement[1])
            j += complement[0]
            continue
        if key == "در" and j + 1 < limit and gaps[j] == SPACE and keys[j + 1] in _BEFORE_DR_MAJLIS:
            parts.append(words.words(j, j + 2))
            j, after_place = j + 2, False
            continue
        if key in stop or after_place:
            break
        # «مدیرکل ... استان اصفهان» ends at the place (only «در مجلس ...» may follow it): what comes next
        # starts the sentence's predicate. A place may have several words («خراسان شمالی»).
        place = gz.place_name_length(words, j)
        if place > 1:
            parts.append(words.words(j, j + place))
            j, after_place = j + place, True
            continue
        parts.append(words.word(j))
        j += 1
        after_place = key in places
    return j, " ".join(parts)


def _attach_adjacent_role(reading: _Reading, mention: _Mention, name_starts: set[int]) -> None:
    words = reading.words
    after: tuple[int, str] | None = None
    gap_after = words.gaps[mention.end - 1]
    if mention.end < len(words.keys) and gap_after <= QUOTE:
        after = _role_at(words, mention.end, len(words.keys), name_starts)
    before: str | None = None
    if mention.first > 0 and words.gaps[mention.first - 1] <= QUOTE:
        lo = bisect_left(reading.titles, mention.first - MAX_ROLE_LOOKBACK)
        for t in reading.titles[lo : bisect_left(reading.titles, mention.first, lo)]:
            role = _role_at(words, t, mention.first, name_starts)
            if role is not None and role[0] == mention.first:
                before = role[1]
                break
    apposition = gap_after in (COMMA, QUOTE)
    if after is not None and (before is None or apposition):
        mention.role, mention.role_evidence = after[1], _STRONG if apposition else _WEAK
    elif before is not None:
        mention.role, mention.role_evidence = before, _STRONG


def _attach_sentence_roles(reading: _Reading, entities: list[_Entity], name_starts: set[int]) -> None:
    """Give a sentence-initial title with no name beside it to the person mentioned last before it."""
    words = reading.words
    gaps = words.gaps
    openings = [t for t in reading.titles if t > 0 and gaps[t - 1] == BREAK]
    if not openings or all(e.role is not None for e in entities):
        return
    mentions_in_order = sorted(((pos, e) for e in entities for pos in e.positions), key=lambda item: item[0])
    positions = [pos for pos, _ in mentions_in_order]
    covered = {k for e in entities for m in e.mentions for k in range(m.first, m.end)}
    for t in openings:
        before = bisect_left(positions, t)
        # Only the person mentioned last before the title can take it, and only if they have no role yet.
        if before == 0 or t in covered or (person := mentions_in_order[before - 1][1]).role is not None:
            continue
        role = _role_at(words, t, len(words.keys), name_starts)
        if role is None or role[0] in name_starts:
            continue
        if _sentence_has_speech_verb(reading, role[0]):
            person.role = role[1]


def _speech_verb_at(words: Scan, k: int) -> bool:
    return bool(words.kinds[k] & _SPEECH_VERB) and gz.speech_verb_index().match(words, k) is not None


def _sentence_has_speech_verb(reading: _Reading, i: int) -> bool:
    """Whether a verb of saying comes at word i or later (within ``_SENTENCE_WINDOW`` words), before the
    sentence ends: at most at the word the sentence ends after."""
    words, speech = reading.words, reading.speech
    limit = min(len(words.keys), i + _SENTENCE_WINDOW)
    end = words.sentence_end(i, limit)
    if end != -1:
        limit = end + 1
    index = bisect_left(speech, i)
    while index < len(speech) and speech[index] < limit:
        if gz.speech_verb_index().match(words, speech[index]) is not None:
            return True
        index += 1
    return False


# --- one entry per person -------------------------------------------------------------------------------


def _group(reading: _Reading, mentions: list[_Mention]) -> list[_Entity]:
    """Merge repeated mentions of one person and drop weak names that nothing backs up."""
    words = reading.words
    # Keyed by the name's letters alone: «رحیم‌مشایی» and «رحیم مشایی» are one surname.
    entities: dict[str, _Entity] = {}
    by_surname: dict[tuple[str, ...], _Entity] = {}
    for mention in mentions:
        surname = words.keys[mention.surname_start : mention.end]
        entity = entities.get("".join(mention.identity))
        known = by_surname.get(surname) if entity is None else None
        # «دکتر نسیمی» or «اکرم لاهوری» after «حسن نسیمی» / «محمد اکرم لاهوری»: a shorter form of a name
        if known is not None and known.head.identity[-len(mention.identity) :] == mention.identity:
            entity = known
        if entity is None:
            entity = _Entity([])
            entities["".join(mention.identity)] = entity
            by_surname.setdefault(surname, entity)
        entity.mentions.append(mention)
        entity.positions.append(mention.first)
        if entity.role is None and mention.role is not None:
            entity.role = mention.role
    covered = {k for m in mentions for k in range(m.first, m.end)}
    for surname, entity in by_surname.items():
        size = len(surname)
        for k in words.positions_of(surname[0]):
            if k in covered or words.keys[k : k + size] != surname or max(words.gaps[k : k + size - 1], default=0):
                continue
            if _is_bare_surname_subject(reading, k, k + size):
                entity.positions.append(k)
    backed = {id(e) for e in entities.values() if _is_backed(reading, e)}
    if 0 < len(backed) < len(entities):
        # A name listed next to a backed one («علی کریمی، بردیا خیاطیان و امید داوری») is a name too: walk
        # the lists forwards and backwards so the backing spreads along them.
        owner = {id(m): e for e in entities.values() for m in e.mentions}
        pairs = list(pairwise(mentions))
        for source, target in [*pairs, *((b, a) for a, b in reversed(pairs))]:
            a, b = (source, target) if source.first < target.first else (target, source)
            if id(owner[id(source)]) in backed and _listed_together(words, a, b):
                backed.add(id(owner[id(target)]))
    result = []
    for entity in entities.values():
        if id(entity) in backed:
            entity.positions.sort()
            result.append(entity)
    return result


def _listed_together(words: Scan, a: _Mention, b: _Mention) -> bool:
    """Whether mention b follows mention a in a list: after a comma, or after «و»."""
    if b.first == a.end:
        return words.gaps[a.end - 1] == COMMA
    return (
        b.first == a.end + 1
        and words.keys[a.end] == "و"
        and words.gaps[a.end - 1] <= COMMA
        and words.gaps[a.end] == SPACE
    )


def _is_bare_surname_subject(reading: _Reading, k: int, end: int) -> bool:
    """A surname alone refers back to a person where news prose uses it so: as the speaker — right before
    a verb of saying, or opening a sentence that has one («نسیمی با اشاره به ... تصریح کرد»). Elsewhere the
    same word is often an ordinary one («روابط» in «آینه روابط عمومی»)."""
    words = reading.words
    if _speech_verb_follows(words, end):
        return True
    return (k == 0 or words.gaps[k - 1] == BREAK) and _sentence_has_speech_verb(reading, end)


def _is_backed(reading: _Reading, entity: _Entity) -> bool:
    """Whether what the text says around a name is enough to report it as a person.

    A common given name with a surname-shaped surname («حسن نسیمی») or an honorific is enough. Otherwise
    the name needs context: for a common given name any title beside it («پرویز مشرف رئیس‌جمهور ...»); for a
    name from the long list («پیام دوستی رییس جمهور» is "a message of friendship") a title before it or
    set off by a comma or quote mark, a verb of saying right after it, the name as the subject of a verb
    of saying (``_opens_speech``), or its surname used again alone as a speaker.
    """
    words = reading.words
    recurs = len(entity.positions) > len(entity.mentions)
    for mention in entity.mentions:
        if mention.honorific or (mention.common_given_name and mention.surname_shaped):
            return True
        if mention.role_evidence >= (_WEAK if mention.common_given_name else _STRONG):
            return True
        if recurs or _speech_verb_follows(words, mention.end) or _opens_speech(reading, mention):
            return True
        if _after_a_person_cue(words, mention.first):
            return True
    return False


def _opens_speech(reading: _Reading, mention: _Mention) -> bool:
    """Whether the name is the subject of a verb of saying, in the way news writes a speaker in: it opens
    a sentence, or the clause after a credit («به گزارش ... به نقل از ...، تهمینه دانیالی ...»), is followed
    by what goes between a speaker and the verb («با بیان ...»، «در گفت‌وگو با ...»، «امروز ...»), and a verb
    of saying ends the sentence. «پیام دوستی رئیس‌جمهور ... گفت» is no speaker: «رئیس‌جمهور» does not go there.
    """
    words, first, end = reading.words, mention.first, mention.end
    if end >= len(words.keys) or words.gaps[end - 1] != SPACE or words.keys[end] not in _BEFORE_SPEECH:
        return False
    opens = first == 0 or words.gaps[first - 1] == BREAK
    if not opens and not (words.gaps[first - 1] == COMMA and _after_a_credit(words, first)):
        return False
    return _sentence_has_speech_verb(reading, end)


def _after_a_person_cue(words: Scan, i: int) -> bool:
    """Whether the words right before word i say a person comes next: «به کارگردانی ...»، «با حضور ...»."""
    cues = _person_cue_index()
    for size in (1, 2, 3):
        start = i - size
        if start < 0 or max(words.gaps[start:i]) not in _INSIDE_A_NAME:
            return False
        found = cues.match(words, start) if words.keys[start] in cues.firsts else None
        if found is not None and found[0] == size:
            return True
    return False


@cache
def _person_cue_index() -> gz.PhraseIndex[str]:
    """data/person_cues.txt."""
    return gz.PhraseIndex((cue, cue) for cue in gz.data_lines("person_cues.txt"))


def _after_a_credit(words: Scan, i: int) -> bool:
    """Whether the clause before word i (up to the sentence start) is a credit: «به گزارش ...»، «به نقل از ...»."""
    start = i - 1
    while start > 0 and words.gaps[start - 1] != BREAK and i - start < _CREDIT_WORDS:
        start -= 1
    return words.keys[start : start + 2] in _CREDIT_OPENINGS and words.gaps.find(COMMA, start, i - 1) == -1


def _speech_verb_follows(words: Scan, k: int) -> bool:
    return 0 < k < len(words.keys) and words.gaps[k - 1] == SPACE and _speech_verb_at(words, k)
