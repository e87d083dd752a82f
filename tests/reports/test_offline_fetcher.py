"""The PDF renderer loads our static files and the charts it is given, and refuses everything else."""

import pytest

from ayneh.reports.pdf import OfflineFetcher, RefusedResource, pdf_render


def test_it_serves_our_font_and_stylesheet():
    fetcher = OfflineFetcher({})
    font = fetcher.fetch("ayneh-static:ayneh/fonts/Vazirmatn-Variable.woff2")
    assert font.headers["Content-Type"] == "font/woff2"
    assert fetcher.fetch("ayneh-static:reports/pdf.css").headers["Content-Type"] == "text/css"


def test_it_serves_a_chart_it_was_given():
    assert OfflineFetcher({"radar": "<svg/>"}).fetch("ayneh-chart:radar").headers["Content-Type"] == "image/svg+xml"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/font.woff2",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "ayneh-static:../../ayneh/settings.py",
        "ayneh-static:ayneh/../../pyproject.toml",
        "ayneh-static:reports/missing.css",
        "ayneh-chart:trend",
    ],
)
def test_it_refuses_anything_else(url):
    with pytest.raises(RefusedResource):
        OfflineFetcher({"radar": "<svg/>"}).fetch(url)


def test_a_document_asking_for_the_network_still_renders_without_it(settings, tmp_path):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [tmp_path],
            "OPTIONS": {"builtins": ["ayneh.core.templatetags.persian"]},
        }
    ]
    (tmp_path / "t.html").write_text(
        '<html><body><img src="http://127.0.0.1:9/x.png"><img src="file:///etc/hostname"><p>سلام</p></body></html>',
        encoding="utf-8",
    )
    assert pdf_render(template="t.html", context={}, charts={}).startswith(b"%PDF-")
