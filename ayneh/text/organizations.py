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
   A ministry's name inside it is read whole, commas and «و» included, and counts as one word; right after
   the head it may be misspelt by a letter («اداره کل تعان، کار و رفاه اجتماعی» is read as «تعاون، ...»).
"""

from __future__ import annotations

from ayneh.text import gazetteer as gz
from ayneh.text.gazetteer import SPACE, Gap, Kind, Scan

MAX_NAME_WORDS = 8
_MINISTER = "وزیر"
_NOT_A_NAME_START = frozenset({"استان", "شهر", "شهرستان", "کشور", "مربوط", "مذکور", "یاد", "متبوع"})
_VERB_PREFIXES = ("می\u200c", "نمی\u200c")
# Where a mention can start: a known name, a head word, or «وزیر» (a title, among the other titles).
_OPENERS = Kind.KNOWN_ORG | Kind.ORG_HEAD | Kind.TITLE
# Kinds as plain ints for the hot paths (IntFlag's «&» is Python code).
_KNOWN_ORG, _ORG_HEAD, _COMPLEMENT = Kind.KNOWN_ORG.value, Kind.ORG_HEAD.value, Kind.MINISTRY_COMPLEMENT.value
_TITLE_OR_HEAD = (Kind.TITLE | Kind.ORG_HEAD).value


def find_organizations(text: str) -> list[str]:
    """Organisations named in ``text``, once each, in order of first mention (see the module docstring)."""
    words = gz.scan(text)
    known = gz.known_organization_index()
    heads = gz.org_head_index()
    found: dict[str, bool] = {}  # name → whether it was read from a head word (not a known name)
    seen: set[str] = set()  # «اداره‌کل بنادر» and «اداره کل بنادر» are one name
    keys, kinds, n, after = words.keys, words.kinds, len(words.keys), 0
    for i in words.having(_OPENERS):
        if i < after:
            continue
        match = known.match(words, i, max_gap=Gap.COMMA) if kinds[i] & _KNOWN_ORG else None
        if match is not None:
            found.setdefault(match[1], False)
            after = i + match[0]
            continue
        if keys[i] == _MINISTER and i + 1 < n and words.gaps[i] == SPACE and kinds[i + 1] & _COMPLEMENT:
            ministry = _ministry_named_by(words, i + 1)
            if ministry is not None:
                found.setdefault(ministry, False)
        head = heads.match(words, i) if kinds[i] & _ORG_HEAD else None
        if head is not None:
            end, name = _read_generic(words, i, head[0])
            if end > i + head[0]:
                spelling = "".join(words.keys[i:end])
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


def _ministry_named_by(words: Scan, i: int) -> str | None:
    complement = gz.ministry_complements().match(words, i, max_gap=Gap.COMMA)
    if complement is None:
        return None
    return gz.known_organization_displays().get(gz.fold_key(f"وزارت {complement[1]}"))


def _read_generic(words: Scan, i: int, head_size: int) -> tuple[int, str]:
    """An organisation opened by a head at word i, as (end word, name); end == i + head_size if nothing
    after the head can be part of a name."""
    keys, gaps, kinds, n = words.keys, words.gaps, words.kinds, len(words.keys)
    stop, complements, places = gz.stopwords(), gz.ministry_complements(), gz.name_final_words()
    j = i + head_size
    parts = [words.words(i, j)]
    if j < n and keys[j] in _NOT_A_NAME_START:
        return j, parts[0]
    while j < n and len(parts) < MAX_NAME_WORDS and gaps[j - 1] == SPACE:
        key = keys[j]
        complement = complements.match(words, j, max_gap=Gap.COMMA) if kinds[j] & _COMPLEMENT else None
        if complement is None and j == i + head_size:  # «اداره کل تعان، کار ...»: a ministry's name, misspelt
            complement = complements.match_misspelt(words, j, max_gap=Gap.COMMA)
        if complement is not None:
            parts.append(complement[1])
            j += complement[0]
            continue
        if kinds[j] & _TITLE_OR_HEAD or key in stop or words.word(j).startswith(_VERB_PREFIXES):
            break
        place = gz.place_name_length(words, j)
        if place > 1:  # «... تبلیغات اسلامی خراسان شمالی»: a place of several words ends the name too
            parts.append(words.words(j, j + place))
            j += place
            break
        parts.append(words.word(j))
        j += 1
        if key in places:
            break
    return j, " ".join(parts)
