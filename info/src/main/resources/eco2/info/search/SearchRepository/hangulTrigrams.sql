-- Trigrams the database extracts from a normalised Hangul word; none means its LC_CTYPE hides Hangul from pg_trgm.
SELECT cardinality(show_trgm(search_norm('가나')))
