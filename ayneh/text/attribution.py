"""Who reported a news text, and whom it credits: the outlet, the credited source and the registry office.

Contract: ``find_attribution(text, registry) -> Attribution | None``. Offsets (``start``/``end``) and
``text`` are in the ORIGINAL string the caller passed; ``outlet`` and ``source`` are in the comparison form
(``ayneh.text.normalize``). None when the text credits nobody.

What is recognised (each form has its own test in tests/text/test_attribution_*.py):

Outlet, first form found wins:
1. «به گزارش X» at the start of a sentence or paragraph («به گزارش فارس»، «به گزارش خبرنگار اقتصادی
   خبرگزاری فارس از تبریز»). The reporter and desk words are dropped («خبرنگار اقتصادی»، «گروه
   بین‌الملل») and so is the dateline («از تبریز»، «در دوشنبه»): X is the outlet's name as written. When no
   comma closes the credit, a known outlet's name («خبرگزاری فارس»، «ایسنا» ...) or a Latin-script name
   after an outlet kind («نشریه Geostrategy») ends it («به گزارش خبرنگار خبرگزاری فارس ابراهیمی گفت»).
2. A news agency's lead credit at the start of one of the first lines: «خبرگزاری فارس: ...».
3. «در گفت‌وگو با خبرنگار X» — the agency-interview form («... در گفت‌وگو با خبرنگار فارس افزود»).

Credited source, first form found wins:
1. «به نقل از Y» in the same clause as «به گزارش» (or opening a paragraph by itself).
2. «به گزارش Y» when Y is a channel rather than an outlet: «روابط عمومی ...»، «پایگاه اطلاع‌رسانی ...»،
   «ستاد خبری ...» (then there is no outlet).
3. «منبع: Y» on a line of its own or closing the text.

Where Y ends: a credit is normally closed by «،», but real releases put commas inside office names (the
seed article's «تعان,کار»). So every comma of the clause is a candidate end, and when the registry
recognises one of the candidate spans, the best-scoring span wins; otherwise Y ends at the first comma.
A person's name that follows a credit without a comma ends it too: a rank or honorific of the living
(«سردار»، «دکتر») or a common given name that is not part of an institution's name («بیمارستان امام رضا»).
``office`` and ``confidence`` come from ``ayneh.text.officematch`` (``confidence`` is 0.0 without an office).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ayneh.text import gazetteer as gz
from ayneh.text.normalize import Normalized, normalize_with_offsets
from ayneh.text.officematch import OfficeMatch, office_matcher
from ayneh.text.registry import OfficeEntry, Registry


def _word_set(words: str) -> frozenset[str]:
    """A vocabulary written as one whitespace-separated string (easier to read and extend than a list)."""
    return frozenset(words.split())


# --- Vocabulary ----------------------------------------------------------------------------------------
# Words that name an outlet's kind; when a credit mentions reporters and desks first, the outlet's name
# starts at the last of these («خبرنگار دفتر منطقه‌ای خبرگزاری فارس» → «خبرگزاری فارس»).
_OUTLET_KINDS = _word_set(
    "خبرگزاری روزنامه هفته‌نامه ماهنامه فصلنامه نشریه مجله پایگاه سایت شبکه باشگاه رادیو تلویزیون خبرنامه"
)
# Reporter, desk and beat words that come before the outlet's name («خبرنگار اجتماعی فارس» → «فارس»).
_DESK_WORDS = _word_set(
    """خبرنگار خبرنگاران گروه سرویس دفتر تحریریه میز اعزامی ویژه حوزه و
    سیاسی اقتصادی اجتماعی فرهنگی ورزشی پارلمانی علمی دانشگاهی استانی منطقه‌ای حوادث انتظامی قضایی حقوقی
    دفاعی امنیتی بهداشت درمان سلامت هنری هنر ادبیات ادب دین اندیشه سینما تئاتر موسیقی رسانه فضای مجازی
    فناوری ارتباطات آموزش پرورش کتاب جامعه زنان خانواده شهری محیط زیست کشاورزی انرژی نفت بازار بورس
    خارجی سیاست اقتصاد فرهنگ ورزش مجلس بین‌الملل بین الملل بین‌المللی جهان فوتبال"""
)
# A credit written as a channel is the source, not the outlet: the office speaks through it. («پایگاه
# خبری X» and «سایت خبری X» are outlets, so only information sites and official sites count here.)
_CHANNEL = re.compile(
    r"^(?:(?:اداره کل |اداره |دفتر |واحد |مرکز )?روابط[ \u200c]?عمو?م?ی"
    r"|(?:پایگاه|سایت|وب[ \u200c]?سایت|درگاه|پورتال) (?:اطلاع[ \u200c]?رسانی|اینترنتی|رسمی)"
    r"|وب[ \u200c]?سایت|درگاه|پورتال"
    r"|ستاد خبری|واحد خبر|دفتر اطلاع[ \u200c]?رسانی|مرکز اطلاع[ \u200c]?رسانی|اداره اطلاع[ \u200c]?رسانی)"
)
# News outlets Persian credits name often (one line each: agencies, papers, broadcasters, foreign agencies).
# Only used to see where a credit ends when no comma closes it; an outlet missing here is still read.
_KNOWN_OUTLET_NAMES = (
    "فارس", "ایسنا", "ایرنا", "مهر", "تسنیم", "ایلنا", "ایکنا", "شبستان", "پانا", "دانا", "برنا", "رسا", "میزان",
    "موج", "صدا و سیما", "باشگاه خبرنگاران جوان", "باشگاه خبرنگاران", "خبرگزاری جمهوری اسلامی",
    "کیهان", "اطلاعات", "همشهری", "جام جم", "شرق", "اعتماد", "خراسان", "آفتاب", "تابناک", "خبرآنلاین",
    "خبر آنلاین", "فرانسه", "رویترز", "آسوشیتدپرس", "آسوشیتد پرس", "بی‌بی‌سی", "سی‌ان‌ان", "اسپوتنیک",
    "آناتولی", "شینهوا", "ایتارتاس", "اینترفکس", "الجزیره", "العربیه",
)  # fmt: skip
_KNOWN_OUTLET = re.compile(
    r"(?:(?:" + "|".join(sorted(_OUTLET_KINDS)) + r") )?"
    r"(?:(?:" + "|".join(map(re.escape, sorted(_KNOWN_OUTLET_NAMES, key=len, reverse=True))) + r")(?![\w\u200c])"
    r"|(?<=[\w\u200c] )[A-Za-z][\w.\-]*(?: [A-Za-z][\w.\-]*)*)"
)
# «به گزارش این خبرگزاری»، «با خبرنگار ما»: a self-reference names no outlet.
_SELF_REFERENCE = frozenset({"ما", "این خبرگزاری", "این روزنامه", "این پایگاه", "این سایت", "این رسانه"})

# Ranks and honorifics that only living people carry: a credit never contains them, a person's name starts.
_LIVING_HONORIFICS = frozenset(
    gz.fold_key(word)
    for word in ("سردار", "سرلشکر", "سرتیپ", "سرهنگ", "دکتر", "مهندس", "حجت‌الاسلام", "آیت‌الله", "آقای", "خانم")
)
_MAX_OUTLET_WORDS = 6
_MAX_SOURCE_WORDS = 25
_MAX_CLAUSE_CHARS = 600
_LEAD_LINES = 3  # lead credits («خبرگزاری فارس: ...») open the title, abstract or first paragraph

# --- Patterns (on normalised text) ---------------------------------------------------------------------
# Punctuation that ends a name; «،» and ASCII comma both, since releases mix them.
_NAME_END = r"[،,:;؛.!؟\n«»()\"]"
_DATELINE_OR_CREDIT = r" (?:و )?به نقل از | از | در "
# «به گزارش X»: not «به گزارش‌ها» / «به گزارشی» (the lookahead wants a space or a comma after «گزارش»).
_REPORT = re.compile(r"به گزارش(?=[ ،,])[ ،,]*")
_REPORT_NAME = re.compile(rf"[^،,:;؛.!؟\n«»()\"]+?(?=\s*{_NAME_END}|{_DATELINE_OR_CREDIT}|\s*$)")
_DATELINE = re.compile(r" (?:از|در) (?:شهرستان |استان )?[^\s،,:]+")
_QUOTED_FROM = re.compile(r"(?:^|(?<=[\s،,]))به نقل از ")
_CLAUSE_END = re.compile(r"[.!؟:\n]")
_SOURCE_END = re.compile(r"[،,؛;]")
_LEAD_CREDIT = re.compile(
    r"^(?P<name>(?:" + "|".join(sorted(_OUTLET_KINDS)) + r")(?: [^\s:،,\-]+){1,3}?) ?[:\-]", re.MULTILINE
)
_INTERVIEW = re.compile(
    r"(?:گفت[ \u200c]?و[ \u200c]?گو|گفتگو|مصاحبه)(?: اختصاصی| تلفنی)? با "
    r"(?P<name>(?:خبرنگار|خبرگزاری|گروه)[^،,:;؛.!؟\n«»()\"]*?)"
    r"(?= (?:در|از|با|و|که|نیز|ضمن|امروز|درباره|پیرامون|گفت|افزود|اظهار|تصریح|بیان|اعلام|عنوان|خاطر|ادامه"
    r"|اضافه|تاکید|تأکید|یادآور|توضیح)(?=[ \u200c،:]|$)|\s*" + _NAME_END + r"|$)"
)
_SOURCE_WORD = "منبع"  # a cheap test before the line pattern runs over the whole text
_SOURCE_LINE = re.compile(r"(?:^|(?<=\n))منبع ?: ?(?P<name>[^\n]+)")
_SENTENCE_OPENERS = frozenset("\n.!؟:»)-")
_WORD_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The credit of a news text. ``text``/``start``/``end``: the credit clause in the original string
    («به گزارش ... به نقل از روابط عمومی ...»). ``outlet``: who reported it. ``source``: whom it credits,
    as written (normalised). ``office``: the registry office ``source`` names, if any, with ``confidence``."""

    outlet: str | None
    text: str
    start: int
    end: int
    office: OfficeEntry | None
    confidence: float
    source: str | None = None


@dataclass(frozen=True, slots=True)
class _Span:
    """A piece of the normalised text."""

    value: str
    start: int
    end: int


def find_attribution(text: str, registry: Registry) -> Attribution | None:
    """The outlet and credited source of ``text`` (see the module docstring), or None."""
    normalized = normalize_with_offsets(text)
    return attribution_in_normalized(normalized, text, registry)


def attribution_in_normalized(normalized: Normalized, original: str, registry: Registry) -> Attribution | None:
    """``find_attribution`` for a text the caller has already normalised (``analyse`` shares one pass)."""
    body = normalized.text
    outlet: _Span | None = None
    source: _Span | None = None
    match: OfficeMatch | None = None
    clause: tuple[int, int] | None = None

    report = _first_report(body)
    if report is not None:
        name = _REPORT_NAME.match(body, report.end())
        clause_end = _clause_end(body, report.end())
        clause = (report.start(), clause_end)
        if name is not None and _CHANNEL.match(name.group(0)):
            source, match = _source_from(body, name.start(), clause_end, registry)
        else:
            if name is not None:
                outlet = _outlet_span(name.group(0), name.start())
            quoted = _QUOTED_FROM.search(body, report.end(), clause_end)
            if quoted is not None:
                source, match = _source_from(body, quoted.end(), clause_end, registry)
    if source is None:
        quoted = _first_at_sentence_start(_QUOTED_FROM, "به نقل از", body)
        if quoted is not None:
            clause_end = _clause_end(body, quoted.end())
            source, match = _source_from(body, quoted.end(), clause_end, registry)
            clause = clause or (quoted.start(), clause_end)
    if source is None:
        source, match, line_start = _source_line(body, registry)
        if source is not None:
            clause = (line_start, source.end)
    if outlet is None:
        outlet = _lead_credit(body) or _interview_outlet(body)

    last = source or outlet
    if last is None:
        return None
    if clause is None or not clause[0] <= last.start < clause[1]:
        clause = (last.start, last.end)
    else:
        # The span shown to people ends where the credit ends, not at the end of the sentence.
        clause = (clause[0], last.end)
    start, end = normalized.to_original(*clause)
    return Attribution(
        outlet=outlet.value if outlet else None,
        text=original[start:end],
        start=start,
        end=end,
        office=match.office if match else None,
        confidence=match.confidence if match else 0.0,
        source=source.value if source else None,
    )


def leading_credit_length(clause: str) -> int:
    """How much of ``clause`` a leading «به گزارش X» credit takes, its dateline («از تبریز») included, when
    that can be told — also without the comma that normally closes it («به گزارش خبرنگار خبرگزاری فارس
    ابراهیمی گفت»); 0 when the clause opens otherwise or the credit runs on into a «به نقل از» source."""
    report = _REPORT.match(clause)
    name = _REPORT_NAME.match(clause, report.end()) if report else None
    if name is None or _CHANNEL.match(name.group(0)):
        return 0
    outlet = _outlet_span(name.group(0), name.start())
    if outlet is None:
        return 0
    dateline = _DATELINE.match(clause, outlet.end)
    end = dateline.end() if dateline else outlet.end
    return 0 if _QUOTED_FROM.match(clause, end + 1) else end


def _first_report(body: str) -> re.Match[str] | None:
    """The first «به گزارش» that opens a sentence or paragraph («بنا به گزارش»، «با اشاره به گزارش» and
    the like are about a report, not a credit)."""
    return _first_at_sentence_start(_REPORT, "به گزارش", body)


def _first_at_sentence_start(pattern: re.Pattern[str], literal: str, body: str) -> re.Match[str] | None:
    """The first match of ``pattern`` that opens a sentence or paragraph. Candidates are found with
    ``str.find`` on ``literal``, the pattern's fixed opening, which is much faster than a regex scan."""
    position = body.find(literal)
    while position != -1:
        found = pattern.match(body, position)
        if found is not None:
            before = position
            while before > 0 and body[before - 1] == " ":
                before -= 1
            if before == 0 or body[before - 1] in _SENTENCE_OPENERS:
                return found
        position = body.find(literal, position + 1)
    return None


def _clause_end(body: str, position: int) -> int:
    """Where the credit clause starting before ``position`` ends: the sentence end or a colon, bounded."""
    limit = min(len(body), position + _MAX_CLAUSE_CHARS)
    found = _CLAUSE_END.search(body, position, limit)
    return found.start() if found else limit


def _outlet_span(raw: str, start: int) -> _Span | None:
    """The outlet's name from a credit: reporter and desk words dropped, or None if it is not a name."""
    words = [(found.group(0), found.start()) for found in _WORD_TOKEN.finditer(raw)]
    if words and words[0][0] in _DESK_WORDS:
        kinds = [i for i, (word, _) in enumerate(words) if word in _OUTLET_KINDS]
        if kinds:
            words = words[kinds[-1] :]
        else:
            while words and words[0][0] in _DESK_WORDS:
                words = words[1:]
    if not words:
        return None
    known = _KNOWN_OUTLET.match(raw, words[0][1])
    if known is not None:
        # A credit without its closing comma runs on into the story («... خبرگزاری فارس ابراهیمی صبح
        # امروز ...»); a known outlet's name, or a Latin-script name after a kind word, ends it.
        words = [w for w in words if w[1] < known.end()]
    if len(words) > _MAX_OUTLET_WORDS:
        return None
    first, last = words[0], words[-1]
    name = raw[first[1] : last[1] + len(last[0])]
    if name in _SELF_REFERENCE:
        return None
    return _Span(name, start + first[1], start + last[1] + len(last[0]))


def _source_from(body: str, start: int, clause_end: int, registry: Registry) -> tuple[_Span | None, OfficeMatch | None]:
    """The credited source that starts at ``start``: the registry-best comma-delimited span, else the span
    up to the first comma (see the module docstring)."""
    person = _person_name_start(body, start, clause_end)
    if person is not None:
        clause_end = person  # «... روابط عمومی اتاق تعاون محمدرضا رمضانی، ...»: the credit ends before the name
    ends = [found.start() for found in _SOURCE_END.finditer(body, start, clause_end)]
    ends.append(clause_end)
    spans = (_strip_span(body, start, end) for end in ends)
    candidates = [c for c in spans if c is not None and len(c.value.split()) <= _MAX_SOURCE_WORDS]
    if not candidates:
        return None, None
    matcher = office_matcher(registry)
    best: tuple[_Span, OfficeMatch] | None = None
    for candidate in candidates:
        found = matcher.match(candidate.value)
        if found is not None and (best is None or found.confidence > best[1].confidence):
            best = (candidate, found)
    if best is not None:
        return best
    return candidates[0], None


def _person_name_start(body: str, start: int, end: int) -> int | None:
    """Where a person's name starts in ``body[start:end]``: a rank or honorific of the living («سردار»،
    «دکتر»، «آقای») or a common given name followed by another word — unless a word like «امام»، «حضرت»
    or «خیابان» before it makes it part of an institution's or place's name. None if there is none."""
    words = gz.scan(body)
    strong, stop, named_after = gz.strong_first_names(), gz.stopwords(), gz.named_after_words()
    index = bisect_left(words.starts, start)
    while index < len(words) and words.starts[index] < end:
        key = words.keys[index]
        after_named = index > 0 and words.keys[index - 1] in named_after
        if key in _LIVING_HONORIFICS:
            return words.starts[index]
        if (
            key in strong
            and not after_named
            and index + 1 < len(words)
            and words.starts[index + 1] < end
            and words.gaps[index] == gz.SPACE
            and words.keys[index + 1] not in stop
        ):
            return words.starts[index]
        index += 1
    return None


def _strip_span(body: str, start: int, end: int) -> _Span | None:
    value = body[start:end]
    stripped = value.strip(" \"'«»")
    if not stripped:
        return None
    offset = value.find(stripped)
    return _Span(stripped, start + offset, start + offset + len(stripped))


def _source_line(body: str, registry: Registry) -> tuple[_Span | None, OfficeMatch | None, int]:
    """«منبع: Y» — Y to the end of its line, and where the line starts; the last such line wins (it closes
    the text)."""
    lines = list(_SOURCE_LINE.finditer(body)) if _SOURCE_WORD in body else []
    if not lines:
        return None, None, 0
    found = lines[-1]
    span = _strip_span(body, found.start("name"), found.end("name"))
    if span is None:
        return None, None, 0
    return span, office_matcher(registry).match(span.value), found.start()


def _lead_credit(body: str) -> _Span | None:
    """«خبرگزاری فارس: ...» opening one of the first lines."""
    lead_end = 0
    for _ in range(_LEAD_LINES):
        next_break = body.find("\n", lead_end)
        if next_break == -1:
            lead_end = len(body)
            break
        lead_end = next_break + 1
    found = _LEAD_CREDIT.search(body, 0, lead_end)
    if found is None:
        return None
    return _Span(found.group("name"), found.start("name"), found.end("name"))


def _interview_outlet(body: str) -> _Span | None:
    """«در گفت‌وگو با خبرنگار X»: the first such outlet in the text."""
    for found in _INTERVIEW.finditer(body):
        outlet = _outlet_span(found.group("name"), found.start("name"))
        if outlet is not None:
            return outlet
    return None
