"""PostgreSQL full text: the scale-out backend. The tokens go in as a tsvector literal with positions.

The vector is built from ayneh.search.terms' tokens, not by `to_tsvector`: PostgreSQL's own parser treats
every non-ASCII character as a letter under the C locale (so «،» would glue words together) and splits
differently from FTS5. Feeding the same tokens to both engines is what makes their hits identical. No
configuration is applied to the literal, which is the 'simple' behaviour: no stemming, no stop words.
"""

from __future__ import annotations

from django.db import connection

from ayneh.search.backends.base import SearchBackend, SearchPage
from ayneh.search.models import SearchDocument
from ayneh.search.terms import SearchQuery

DOCUMENT_TABLE = SearchDocument._meta.db_table
# PostgreSQL keeps at most 256 positions per lexeme; beyond that it drops them silently, so say so here.
MAX_POSITIONS_PER_LEXEME = 255


def _lexeme(token: str) -> str:
    """A quoted tsvector/tsquery lexeme. Tokens are letters and digits, but quote defensively anyway."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens: list[str]) -> str:
    """`'کار':1,3 'وزیر':2` — every token with its 1-based positions."""
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(tokens, start=1):
        token_positions = positions.setdefault(token, [])
        if len(token_positions) < MAX_POSITIONS_PER_LEXEME:
            token_positions.append(position)
    return " ".join(f"{_lexeme(token)}:{','.join(map(str, pos))}" for token, pos in positions.items())


def tsquery_literal(query: SearchQuery) -> str:
    """`'کار':* & ('روابط' <-> 'عمومی')` — prefix words and exact phrases, ANDed."""
    parts = [_lexeme(word) + (":*" if query.is_prefix(word) else "") for word in query.words]
    parts += ["(" + " <-> ".join(_lexeme(token) for token in phrase) + ")" for phrase in query.phrases]
    return " & ".join(parts)


class PostgresBackend(SearchBackend):
    name = "postgresql"
    vendor = "postgresql"

    def index(self, document: SearchDocument, tokens: list[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {DOCUMENT_TABLE} SET vector = %s::tsvector WHERE id = %s",  # noqa: S608 (constant)
                [tsvector_literal(tokens), document.pk],
            )

    def unindex(self, document: SearchDocument) -> None:
        # The vector lives on the document row, which the caller deletes.
        return

    def search(self, query: SearchQuery, *, kind: str, office_code: str | None, limit: int, offset: int) -> SearchPage:
        conditions = ["vector @@ %s::tsquery", "kind = %s"]
        params: list[str | int] = [tsquery_literal(query), kind]
        if office_code is not None:
            conditions.append("office_code = %s")
            params.append(office_code)
        where = " AND ".join(conditions)
        # Filter first, then order: the MATERIALIZED CTE is an optimisation fence, so the planner answers
        # the @@ through the GIN index and sorts only the hits, instead of walking every document newest
        # first and testing each one (what it may pick for ORDER BY ... LIMIT on a large table).
        sql = (
            f"WITH hits AS MATERIALIZED (SELECT id, key, published_at FROM {DOCUMENT_TABLE} WHERE {where}) "  # noqa: S608
            "SELECT key, count(*) OVER () FROM hits ORDER BY published_at DESC, id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            rows = cursor.fetchall()
            if rows:
                return SearchPage(keys=[row[0] for row in rows], total=rows[0][1])
            if offset == 0:
                return SearchPage()
            cursor.execute(f"SELECT count(*) FROM {DOCUMENT_TABLE} WHERE {where}", params)  # noqa: S608
            return SearchPage(keys=[], total=cursor.fetchone()[0])
