"""Safe fetching and reading for media monitoring: pure Python, no Django, usable and benchmarked alone.

What comes in from outside — a URL, a response body, a feed, an HTML page, an archive line — is untrusted.
Each module takes one step and fails with a reason a person can read (every error is an ``InputError``
with ``.reason``), so a caller can record the failure and go on with the rest of its batch:

- ``urls`` — which links may be fetched or stored (http/https only) and the canonical form used as a key.
- ``addresses`` — the SSRF rule: every address a host resolves to must be public, checked at connect time.
- ``http`` — ``fetch_url``: conditional GET with timeouts, redirects re-checked, size caps before and
  after decompression (``decompress``).
- ``decode`` — bytes to text: BOM, declared charset, ``<meta>``/XML declaration, detection, and a
  windows-1256 retry so Persian never comes out as mojibake.
- ``feeds`` — RSS 2.0 / RSS 1.0 (RDF) / Atom from bytes only, streaming, no entity expansion, capped.
- ``dates`` — publication timestamps, Gregorian or Solar Hijri (a Jalali year is never read as Gregorian).
- ``extract`` — the main text of an article page (trafilatura), with ZWNJ kept and pathological pages refused.
- ``archives`` — bulk JSON Lines archives and folders of saved pages, one record or error at a time.

Importing this package imports none of the heavy modules; import the one you need.
"""
