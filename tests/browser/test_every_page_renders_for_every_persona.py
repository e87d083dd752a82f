"""A new user's walk through Ayneh: on the demo content (made by the same functions `ayneh demo` calls),
every demo persona and an anonymous reader open every page the navigation offers them, the pages one click
further, and a fixed list of key pages (a release's pickups, the ranking, a scorecard, the evaluation panel,
operations, search, feeds, PDF and Excel downloads). The walk fails, listing page and offending text, on:

- a server error (status ≥ 500), or a download that comes back as an HTML page;
- a console error or a Content-Security-Policy violation (the CSP is strict: no inline script or style);
- English leaking into the Persian interface: a run of Latin letters in visible text, a title, a tooltip,
  a placeholder or an alt text, outside the allow-list below;
- Latin digits on screen (Persian digits are expected everywhere), or a Gregorian date (a year 20xx in
  Persian digits, or a Gregorian month name) where Jalali dates are expected.

Deliberately Latin content is marked in the markup and skipped: `<code>`, `<kbd>`, `<samp>`, `<pre>`,
`dir="ltr"` (addresses, hashes, passwords) and `translate="no"`; URLs and e-mail addresses are removed
from text before it is checked. User-entered content is checked like the rest: the demo's releases,
outlets and articles are Persian, so a Latin word on a demo page is the interface's. Django's admin is visited for server errors only: its model names come
from third-party apps (the task queue) that have no Persian catalogue.
"""

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import Resolver404, resolve

from ayneh.core.demo import DEMO_ACCOUNTS, demo_accounts_ensure, demo_content_ensure
from ayneh.evaluation.demo import evaluation_demo_ensure
from ayneh.evaluation.models import Period
from ayneh.monitoring.models import Pickup
from ayneh.monitoring.pickups import release_index_reset
from ayneh.monitoring.versions import version_index_reset
from ayneh.newsroom.models import Event, Release, ReleaseStatus
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

ANONYMOUS = "anonymous"

# Latin words a Persian page may show: format and brand names a Persian reader sees in Latin too.
ALLOWED_WORDS = frozenset(
    {
        "PDF",
        "Excel",
        "RSS",
        "Atom",
        "JSON",
        "Feed",
        "CSV",
        "XLSX",
        "HTML",
        "JPEG",
        "PNG",
        "WebP",
        "GIF",
        "SHA",
        "Vazirmatn",
    }
)
# Latin digits a Persian page may show: the name of a hash function.
ALLOWED_DIGITS = ("SHA-256",)

URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*\.(?:ir|com|org|net)\b\S*")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z_-]*[A-Za-z]")
LATIN_DIGIT = re.compile(r"[0-9]+")
GREGORIAN_YEAR = re.compile(r"(?<![۰-۹٫/])۲۰[۰-۹]{2}(?![۰-۹٫/])")
GREGORIAN_MONTHS = re.compile(r"ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر")

# Everything a person reads on the page: visible text nodes (outside deliberately Latin markup), the
# title, and the words shown on hover or read out by a screen reader.
VISIBLE_TEXT_JS = """
() => {
  const latinByDesign = 'code,kbd,samp,pre,script,style,noscript,[translate=no],[dir=ltr]';
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(latinByDesign) || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],img[alt],input[type=submit]')) {
    if (el.closest(latinByDesign)) continue;
    for (const name of ['placeholder', 'title', 'aria-label', 'alt', 'value']) {
      if (name === 'value' && el.type !== 'submit') continue;
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push(value.trim());
    }
  }
  return out;
}
"""
LINKS_JS = "(sel) => Array.from(document.querySelectorAll(sel), a => a.getAttribute('href'))"

DOWNLOAD = re.compile(r"\.(pdf|xlsx|csv|xml|json)$")
NOT_CRAWLED = re.compile(r"^/(accounts/logout|static|media)/|/files/")


@dataclass
class Walk:
    problems: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (page, problem) -> personas
    visited: int = 0
    shared: dict[str, set[str]] = field(default_factory=dict)  # page kind -> the personas who walked it

    def add(self, persona: str, path: str, problem: str) -> None:
        personas = self.problems.setdefault((path, problem), [])
        if persona not in personas:
            personas.append(persona)

    def report(self) -> str:
        return "\n".join(
            f"{path}\n    {problem}\n    (seen by: {', '.join(personas)})"
            for (path, problem), personas in self.problems.items()
        )


def text_problems(texts: list[str]) -> list[str]:
    """What in this text would not belong on a Persian page (English, Latin digits, Gregorian dates)."""
    found = []
    for text in texts:
        plain = URL.sub(" ", text)
        for allowed in ALLOWED_DIGITS:
            plain = plain.replace(allowed, " ")
        english = [word for word in LATIN_RUN.findall(plain) if word not in ALLOWED_WORDS]
        if english:
            found.append(f"English {english}: «{text[:120]}»")
        if LATIN_DIGIT.search(LATIN_RUN.sub(" ", plain)):
            found.append(f"Latin digits: «{text[:120]}»")
        if GREGORIAN_YEAR.search(plain) or GREGORIAN_MONTHS.search(plain):
            found.append(f"Gregorian date: «{text[:120]}»")
    return found


def page_kind(path: str) -> str:
    """One page per view: the same view with another release, office or number is not a new page."""
    try:
        return resolve(path).view_name
    except Resolver404:
        return path


@pytest.fixture
def demo(settings: object, tmp_path: object) -> Iterator[dict[str, object]]:
    """The demo site, made as `ayneh demo` makes it (command, then the three demo functions)."""
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined,operator]
    settings.AYNEH_DEMO = True  # type: ignore[attr-defined]  # as `ayneh demo` serves: badge, demo sign-in hint
    release_index_reset()
    version_index_reset()
    call_command("load_offices", verbosity=0)
    users = demo_accounts_ensure()
    demo_content_ensure(users=users)
    evaluation_demo_ensure(evaluator=users["evaluator"])
    yield users  # type: ignore[misc]
    release_index_reset()
    version_index_reset()


def key_pages() -> list[str]:
    """Pages a persona may not reach by clicking from the navigation in one step, named by the demo data."""
    release = Release.objects.filter(office__code="dg-khuzestan", status=ReleaseStatus.PUBLISHED).first()
    picked_up = Pickup.objects.filter(release__office__code="dg-khuzestan").select_related("release").first()
    event = Event.objects.filter(office__code="dg-khuzestan").first()
    period = Period.objects.filter(is_demo=True).first()
    assert release, "the demo has no published Khuzestan release"
    assert picked_up, "the demo has no pickup of a Khuzestan release"
    assert event, "the demo has no Khuzestan event"
    assert period, "the demo has no evaluation period"
    query = "?q=روابط+عمومی"
    return [
        "/",
        "/offices/",
        "/office/dg-khuzestan/",
        f"/release/{release.uuid}/",
        f"/search/{query}",
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/feed.json",
        "/panel/",
        f"/panel/releases/{release.uuid}/",
        f"/panel/events/{event.uuid}/",
        "/monitoring/",
        f"/monitoring/releases/{picked_up.release.uuid}/pickups/",
        f"/monitoring/search/{query}",
        "/monitoring/export/coverage.xlsx",
        "/monitoring/operations/",
        "/evaluation/",
        f"/evaluation/{period.uuid}/offices/dg-khuzestan/",
        f"/evaluation/{period.uuid}/ranking.pdf",
        f"/evaluation/{period.uuid}/ranking.xlsx",
        f"/evaluation/{period.uuid}/offices/dg-khuzestan/scorecard.pdf",
        "/evaluation/records/",
        f"/evaluation/records/{period.uuid}/dg-khuzestan/",
        "/evaluation/panel/",
        f"/evaluation/panel/periods/{period.uuid}/",
        f"/evaluation/panel/periods/{period.uuid}/ratings/",
        f"/evaluation/panel/frameworks/{period.framework.uuid}/",
        "/evaluation/panel/objections/",
        "/accounts/login/",
        "/no-such-page/",
    ]


def check_download(context: object, persona: str, path: str, base: str, walk: Walk) -> None:
    response = context.request.get(base + path, max_redirects=0)  # type: ignore[attr-defined]
    walk.visited += 1
    if response.status >= 500:
        walk.add(persona, path, f"status {response.status}")
    elif response.status == 200 and "text/html" in response.headers.get("content-type", ""):
        walk.add(persona, path, "a download came back as an HTML page")


def check_page(page: object, persona: str, path: str, walk: Walk) -> tuple[list[str], int]:
    """Open one page, record its problems, return the addresses it links to and its status."""
    console: list[str] = []
    document = page.base_url + path  # type: ignore[attr-defined]

    def on_console(message: object) -> None:
        # A resource that failed to load is reported with its address by on_response below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):  # type: ignore[attr-defined]
            console.append(message.text)  # type: ignore[attr-defined]

    def on_response(response: object) -> None:
        # The document itself may be refused (403/404) by design; its subresources may not fail.
        if response.status >= 400 and response.request.resource_type != "document":  # type: ignore[attr-defined]
            console.append(f"{response.url} answered {response.status}")  # type: ignore[attr-defined]

    def on_error(error: object) -> None:
        console.append(f"script error: {error}")

    page.on("console", on_console)  # type: ignore[attr-defined]
    page.on("response", on_response)  # type: ignore[attr-defined]
    page.on("pageerror", on_error)  # type: ignore[attr-defined]
    try:
        response = page.goto(document, wait_until="load")  # type: ignore[attr-defined]
        walk.visited += 1
        status = response.status if response else 0
        if status >= 500:
            walk.add(persona, path, f"status {status}")
            return [], status
        if not urlsplit(page.url).path.startswith("/admin/"):  # type: ignore[attr-defined]
            for problem in text_problems(page.evaluate(VISIBLE_TEXT_JS)):  # type: ignore[attr-defined]
                walk.add(persona, path, problem)
        links: list[str] = page.evaluate(LINKS_JS, "a[href]")  # type: ignore[attr-defined]
    finally:
        page.remove_listener("console", on_console)  # type: ignore[attr-defined]
        page.remove_listener("response", on_response)  # type: ignore[attr-defined]
        page.remove_listener("pageerror", on_error)  # type: ignore[attr-defined]
    for message in console:
        kind = "CSP violation" if "Content Security Policy" in message else "console error"
        walk.add(persona, path, f"{kind}: {message[:200]}")
    return links, status


def walked_twice(kind: str, path: str) -> bool:
    """Pages whose body is the same for every reader (the public newsroom, a page that does not exist) and
    downloads (the same file for everyone allowed it, and slow to make): walked by the anonymous reader and
    the first persona signed in, not by each persona again; their header is checked on every other page."""
    return kind.startswith(("public:", "accounts:")) or ":" not in kind or bool(DOWNLOAD.search(path))


def walk_as(browser: object, base: str, persona: str, users: dict[str, object], walk: Walk) -> None:
    context = browser.new_context(locale="fa-IR", viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = base
    if persona != ANONYMOUS:
        sign_in(page, users[persona], settings.AYNEH_DEMO_PASSWORD)
        assert urlsplit(page.url).path != "/accounts/login/", f"{persona} could not sign in"
    nav = [urlsplit(urljoin(base, href)).path for href in page.evaluate(LINKS_JS, "header a[href], footer a[href]")]
    queue = list(dict.fromkeys([*nav, *key_pages()]))
    first_level, kinds = set(nav), set()
    refusal_seen = False
    while queue:
        path = queue.pop(0)
        kind = page_kind(path.split("?")[0])
        if kind in kinds:
            continue
        kinds.add(kind)
        if walked_twice(kind, path):
            walkers = walk.shared.setdefault(kind, set())
            if len(walkers) == 2 and persona not in walkers:
                continue
            walkers.add(persona)
        if DOWNLOAD.search(path.split("?")[0]):
            check_download(context, persona, path, base, walk)
            continue
        if refusal_seen:
            # The refusal page was read once in the browser; a further refusal is checked over HTTP only.
            status = context.request.get(base + path, max_redirects=0).status  # type: ignore[attr-defined]
            if status in (403, 404):
                walk.visited += 1
                continue
        links, status = check_page(page, persona, path, walk)
        refusal_seen = refusal_seen or status in (403, 404)
        if path not in first_level:
            continue
        # One click further from the navigation: each view not walked yet, once.
        for href in links:
            parts = urlsplit(urljoin(base + path, href))
            if parts.netloc != urlsplit(base).netloc or parts.query or NOT_CRAWLED.search(parts.path):
                continue
            if not parts.path.startswith("/admin/") and page_kind(parts.path) not in kinds:
                queue.append(parts.path)
    context.close()


def test_every_page_renders_in_persian_for_every_persona(browser, live_server, demo):
    started = time.monotonic()
    walk = Walk()
    for persona in [ANONYMOUS, *(account.username for account in DEMO_ACCOUNTS)]:
        walk_as(browser, live_server.url, persona, demo, walk)
    print(f"walked {walk.visited} pages in {time.monotonic() - started:.1f} s")
    assert walk.visited > 100, f"the walk visited only {walk.visited} pages: is the navigation there?"
    assert not walk.problems, f"{len(walk.problems)} problems on {walk.visited} pages:\n{walk.report()}"


def test_the_text_check_catches_english_latin_digits_and_gregorian_dates():
    assert text_problems(["خبرها", "دریافت فایل PDF", "چکیده محتوا (SHA-256):", "https://irna.ir/news/12"]) == []
    assert text_problems(["تابع محاسبه: attribution_rate"]) == ["English ['attribution_rate']: «تابع محاسبه: attribution_rate»"]  # fmt: skip
    assert text_problems(["Not Found"]) == ["English ['Not', 'Found']: «Not Found»"]
    assert text_problems(["۱۲ خبر در 3 روز"]) == ["Latin digits: «۱۲ خبر در 3 روز»"]
    assert text_problems(["۲۷ نوامبر ۲۰۲۶"]) == ["Gregorian date: «۲۷ نوامبر ۲۰۲۶»"]
    assert text_problems(["۶ آذر ۱۴۰۵"]) == []
