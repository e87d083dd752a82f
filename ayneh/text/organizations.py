"""Organisations named in Persian news: ministries, organisations, companies, banks, universities ...

Three readings, tried at each word in this order:

1. A known organisation by name, alias or acronym — the office registry (ayneh/data/offices.json, the
   ministry network) and data/organizations.tsv — reported under its canonical name, with its acronym
   when it has one: «شستا» → «شرکت سرمایه‌گذاری تأمین اجتماعی (شستا)». Longest match wins, so
   «اداره کل تعاون، کار و رفاه اجتماعی خوزستان» is the directorate, not the ministry.
2. A minister's title names the ministry: «وزیر تعاون کار و رفاه اجتماعی» → «وزارت تعاون، کار و رفاه
   اجتماعی».
3. An organisation head (data/org_heads.txt: وزارت، سازمان، اداره کل، شرکت، بانک، دانشگاه ...) and the
   words after it, up to punctuation, a function word or verb, a title, another head, or a place name
   (which is included: «اداره کل ورزش و جوانان استان مرکزی»); at most ``MAX_NAME_WORDS`` words.
   A ministry's name inside it is read whole, commas and «و» included.
"""

from __future__ import annotations

from functools import cache

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import Gap, PhraseIndex, Scan
from ayneh.text.registry import Registry, load_registry

MAX_NAME_WORDS = 8
_MINISTER = "وزیر"
_NOT_A_NAME_START = frozenset({"استان", "شهر", "شهرستان", "کشور", "مربوط", "مذکور", "یاد", "متبوع"})
_VERB_PREFIXES = ("می\u200c", "نمی\u200c")


def find_organizations(text: str) -> list[str]:
    """Organisations named in ``text``, once each, in order of first mention (see the module docstring)."""
    words = gz.scan(text)
    known = _known_index()
    heads = gz.org_head_index()
    complements = gz.ministry_complements()
    found: dict[str, bool] = {}  # name → whether it was read from a head word (not a known name)
    seen: set[str] = set()  # «اداره‌کل بنادر» and «اداره کل بنادر» are one name
    openers = _org_openers()
    n, after = len(words), 0
    for i in [i for i, key in enumerate(words.keys) if key in openers]:
        if i < after:
            continue
        key = words.keys[i]
        match = known.match(words, i, max_gap=Gap.COMMA) if key in known.firsts else None
        if match is not None:
            found.setdefault(match[1], False)
            after = i + match[0]
            continue
        if key == _MINISTER and i + 1 < n and words.gaps[i] == Gap.SPACE and words.keys[i + 1] in complements.firsts:
            ministry = _ministry_named_by(words, i + 1)
            if ministry is not None:
                found.setdefault(ministry, False)
        head = heads.match(words, i) if key in heads.firsts else None
        if head is not None:
            end, name = _read_generic(words, i, head[0])
            if end > i + head[0]:
                spelling = gz.fold_key(name).replace(" ", "")
                if spelling not in seen:
                    seen.add(spelling)
                    found.setdefault(name, True)
                after = end
    return _without_cut_short_names(found)


def _without_cut_short_names(found: dict[str, bool]) -> list[str]:
    """Drop a name read from a head word when it is the start of a longer name also found («سازمان همکاری»
    beside «سازمان همکاری شانگهای»): the short one is the same organisation, cut off by punctuation."""
    names = list(found)
    return [
        name
        for name in names
        if not found[name] or not any(other != name and other.startswith(name + " ") for other in names)
    ]


@cache
def _org_openers() -> frozenset[str]:
    """Words an organisation's mention can start with."""
    return _known_index().firsts | gz.org_head_index().firsts | {_MINISTER}


def _ministry_named_by(words: Scan, i: int) -> str | None:
    complement = gz.ministry_complements().match(words, i, max_gap=Gap.COMMA)
    if complement is None:
        return None
    return _display_by_key().get(gz.fold_key(f"وزارت {complement[1]}"))


def _read_generic(words: Scan, i: int, head_size: int) -> tuple[int, str]:
    """An organisation opened by a head at word i, as (end word, name); end == i + head_size if nothing
    after the head can be part of a name."""
    keys, gaps, n = words.keys, words.gaps, len(words)
    stop, titles, heads = gz.stopwords(), gz.title_index(), gz.org_head_index()
    complements, places = gz.ministry_complements(), gz.name_final_words()
    j = i + head_size
    parts = [words.words(i, j)]
    if j < n and keys[j] in _NOT_A_NAME_START:
        return j, parts[0]
    while j < n and j - i < MAX_NAME_WORDS and gaps[j - 1] == Gap.SPACE:
        key = keys[j]
        complement = complements.match(words, j, max_gap=Gap.COMMA) if key in complements.firsts else None
        if complement is not None:
            parts.append(complement[1])
            j += complement[0]
            continue
        if key in stop or key in titles.firsts or key in heads.firsts or words.word(j).startswith(_VERB_PREFIXES):
            break
        parts.append(words.word(j))
        j += 1
        if key in places:
            break
    return j, " ".join(parts)


@cache
def _known_index() -> PhraseIndex[str]:
    """Every written form of every known organisation → its display name."""
    return PhraseIndex(_known_forms(load_registry()))


@cache
def _display_by_key() -> dict[str, str]:
    return {gz.fold_key(form): display for form, display in _known_forms(load_registry())}


def _known_forms(registry: Registry) -> list[tuple[str, str]]:
    acronyms = {gz.fold_key(org.name): org.acronym for org in gz.known_organizations() if org.acronym}
    forms: list[tuple[str, str]] = []
    for office in registry:
        acronym = acronyms.get(gz.fold_key(office.name), "")
        display = f"{office.name} ({acronym})" if acronym else office.name
        # Not the short name: it is written for display inside the ministry («حراست») and names nothing alone.
        forms += [(form, display) for form in (office.name, *office.aliases, acronym) if form]
    for org in gz.known_organizations():
        forms += [(form, org.display) for form in (org.name, *org.aliases, org.acronym) if form]
    return forms
