-- Ranks items for one query (already trimmed and lower-cased by the service). Every kind of evidence is found
-- through an index, so the cost follows the number of matches, not the size of the catalogue.
--   item_terms (trigram GIN)   names, English names and keywords, through search_norm (no spaces, lower case,
--                              Hangul as letters); LIKE finds substrings (페트 in 페트병), % near spellings (페트벙),
--                              and each word of a longer query is also looked up whole (약 in "약 버리는 곳")
--   items.description_norm     LIKE on the description, through the same normalisation (trigram GIN)
--   items.search_tsv           whole words anywhere, for longer queries whose words sit in different fields
-- An item keeps its best piece of evidence. A name outweighs an English name or keyword, and those outweigh the
-- description; within a field, exact beats prefix beats substring beats similar spelling.
WITH q AS NOT MATERIALIZED (
    SELECT search_norm(:query) AS term,
           '%' || replace(replace(replace(search_norm(:query), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern,
           ARRAY(SELECT search_norm(w) FROM regexp_split_to_table(:query, '[[:space:]]+') AS w WHERE w <> '') AS words,
           websearch_to_tsquery('simple', :query) AS text_query
),
term_hits AS (
    SELECT t.item_id,
           CASE t.kind WHEN 1 THEN 1.0 ELSE 0.9 END::float8
           * CASE
                 WHEN t.term = q.term THEN 1.0
                 WHEN starts_with(t.term, q.term) THEN 0.75 + 0.2 * length(q.term)::float8 / length(t.term)
                 WHEN strpos(t.term, q.term) > 0 THEN 0.65 + 0.2 * length(q.term)::float8 / length(t.term)
                 WHEN t.term = ANY (q.words) THEN 0.2 + 0.4 * length(t.term)::float8 / length(q.term)
                 ELSE 0.8 * similarity(t.term, q.term)
             END AS score
    FROM q, item_terms t
    WHERE t.term % q.term OR t.term LIKE q.pattern OR t.term = ANY (q.words)
),
description_hits AS (
    SELECT i.id AS item_id, 0.3 + 0.01 * least(length(q.term), 10)::float8 AS score
    FROM q, items i
    WHERE i.description_norm LIKE q.pattern
),
word_hits AS (
    SELECT i.id AS item_id, 0.45 + 0.1 * least(ts_rank(i.search_tsv, q.text_query), 1.0)::float8 AS score
    FROM q, items i
    WHERE i.search_tsv @@ q.text_query
),
ranked AS (
    SELECT hits.item_id, max(hits.score) AS score
    FROM (SELECT * FROM term_hits
          UNION ALL SELECT * FROM description_hits
          UNION ALL SELECT * FROM word_hits) AS hits
    GROUP BY hits.item_id
)
SELECT i.id, i.slug, i.name, i.name_en, i.category, i.subcategory, i.description, i.how_to_recycle, i.do_not_do,
       i.tips, i.images, i.recyclable, i.search_keywords, round(r.score::numeric, 4)::float8 AS score
FROM ranked r
JOIN items i ON i.id = r.item_id
WHERE CAST(:category AS text) IS NULL OR i.category = CAST(:category AS text)
ORDER BY r.score DESC, length(i.name), i.name, i.id
LIMIT :limit
