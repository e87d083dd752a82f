"""Cleaning text that people type before Ayneh stores or shows it.

- `clean_html`: the release body's rich text, through nh3 (a maintained Rust sanitiser) with a small
  allow-list. Anything outside it (scripts, event handlers, styles, `javascript:` links) is removed.
- `strip_bidi_controls`: removes the Unicode embedding, override and isolate controls that can make a
  title or name display in a different order than it is stored («Trojan Source» style spoofing).
- `paragraphs_to_html`: lets an editor type plain paragraphs in a textarea (no HTML knowledge needed).
- `html_to_text`: the plain text of sanitised HTML, for search indexing and feed summaries.
"""

import html
import re

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "a"})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
# Tags whose content is code or noise, not text: dropped together with what is inside them.
DROPPED_WITH_CONTENT: frozenset[str] = frozenset({"script", "style", "template", "iframe", "object", "noscript"})

# U+202A..U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066..U+2069 (LRI, RLI, FSI, PDI). The plain marks
# U+200E/U+200F (LRM/RLM) and U+061C (ALM) stay: Persian text mixed with Latin words and numbers
# legitimately needs them, and a mark cannot reorder a run of text the way an override can.
BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")

HTML_TAG_RE = re.compile(r"<[a-zA-Z/!][^>]*>")
BLANK_LINES_RE = re.compile(r"\n\s*\n")
LINE_BREAK_RE = re.compile(r"\r\n?")
# Where one block of text ends and the next begins, so that stripped tags leave a space, not a run-on word.
BLOCK_BOUNDARY_RE = re.compile(r"<\s*(?:/\s*(?:p|li|h2|h3|blockquote|ul|ol)|br\s*/?)\s*>", re.IGNORECASE)
WHITESPACE_RE = re.compile(r"\s+")


def strip_bidi_controls(text: str) -> str:
    """`text` without bidi embedding, override and isolate controls; everything else (ZWNJ included) kept."""
    return BIDI_CONTROLS_RE.sub("", text)


def clean_html(markup: str) -> str:
    """Sanitised HTML: only the allow-listed tags, `href` on links (http, https, mailto only) with
    rel="noopener noreferrer", no comments, no bidi controls. Safe to mark safe in a template."""
    return nh3.clean(
        strip_bidi_controls(markup),
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def looks_like_html(text: str) -> bool:
    return HTML_TAG_RE.search(text) is not None


def paragraphs_to_html(text: str) -> str:
    """Plain text typed in a textarea as HTML paragraphs: a blank line starts a paragraph, a single line
    break stays a line break. Text that already contains tags is returned as it is (it is sanitised
    afterwards either way)."""
    text = LINE_BREAK_RE.sub("\n", text).strip()
    if not text or looks_like_html(text):
        return text
    paragraphs = (p.strip() for p in BLANK_LINES_RE.split(text))
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)


def html_to_text(markup: str) -> str:
    """The words of an HTML fragment, blocks separated by spaces, entities decoded, whitespace folded."""
    spaced = BLOCK_BOUNDARY_RE.sub(" ", markup)
    text = nh3.clean(spaced, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return WHITESPACE_RE.sub(" ", html.unescape(text)).strip()
