"""Small feeds built for the feed tests: RSS 2.0 items in the shape Iranian news sites publish."""

from __future__ import annotations

RSS_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>خبرگزاری نمونه</title>'
    "<link>https://news.example.ir/</link>\n"
)
RSS_TAIL = "</channel></rss>\n"


def rss_item(
    n: int,
    *,
    link: str | None = None,
    title: str | None = None,
    pub_date: str = "Sat, 22 May 2021 08:30:00 +0430",
    description: str = "&lt;p&gt;رئیس روابط عمومی در گفت‌وگو با خبرنگاران گفت.&lt;/p&gt;",
) -> str:
    link = f"https://news.example.ir/fa/news/{n}" if link is None else link
    title = f"خبر شماره {n}" if title is None else title
    return (
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>n{n}</guid>"
        f"<pubDate>{pub_date}</pubDate><description>{description}</description></item>\n"
    )


def rss(*items: str) -> bytes:
    return (RSS_HEAD + "".join(items) + RSS_TAIL).encode("utf-8")


def big_rss(n_items: int) -> bytes:
    """A well-formed feed of n_items items (about 420 bytes each), built in one pass."""
    return rss(*(rss_item(i) for i in range(n_items)))
