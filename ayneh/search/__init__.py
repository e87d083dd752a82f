"""Full-text search over published documents: SQLite FTS5 (embedded) or PostgreSQL full text (scale-out).

Write with ayneh.search.services, read with ayneh.search.selectors; the backend is chosen by
settings.SEARCH_BACKEND (ayneh.search.backends), and both backends share one tokenisation
(ayneh.search.terms) so they return the same hits.
"""
