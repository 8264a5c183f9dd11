-- Ranks items for one query (trimmed and lower-cased by the service); every kind of evidence is found through an
-- index, so the cost follows the number of matches rather than the size of the catalogue. All comparisons use
-- search_norm (no spaces, lower case, Hangul as letters) on both sides. An item keeps its best piece of evidence:
--
--   tier A, 0.585 to 1: a name, English name or keyword contains the query (trigram GIN, LIKE):
--                       exact 1, prefix 0.80-0.95, elsewhere 0.65-0.80 (more for a larger share of the term)
--   tier B, below 0.585: a term spelled similarly (trigram GIN, %): 0.55 x similarity, typos such as 페트벙;
--                       a whole word of a longer query is a term (btree): 0.15-0.45, 약 in "약 버리는 곳";
--                       all words appear somewhere (full text, GIN): 0.40-0.50;
--                       the description contains the query (trigram GIN, LIKE): 0.30-0.40
--
-- A name weighs 1, an English name or keyword 0.9. Ties go to the shorter, then alphabetically first name.
--
-- Tier A is found first (contains_hits) and decides how much more work the query does; each gate below is an
-- uncorrelated condition, so PostgreSQL evaluates it once and skips the gated scan entirely when it is false:
--   * when tier A alone fills the page (in the category asked for), nothing else can enter it, because tier A
--     always outranks tier B: word and full-text evidence are skipped (SearchTiersIT checks the answer is the same);
--   * the two costly kinds of evidence, similar spellings and descriptions, are looked for only when no name or
--     keyword contains the query at all (a typo, or a word only descriptions use); :fuzzy, for spellings, also
--     says the query is long enough for similarity to mean anything.
-- Every description hit of a query scores the same, so keeping only the first :limit of them in the final order
-- loses nothing.
-- q is MATERIALIZED so that the normalised query is computed once per search: inlined into a generic plan, every
-- reference to it re-ran normalize() and regexp_replace() for every candidate row (4 ms of 6 for a common word).
WITH q AS MATERIALIZED (
    SELECT search_norm(:query) AS term,
           search_pattern(:query) AS pattern,
           ARRAY(SELECT search_norm(w) FROM regexp_split_to_table(:query, '[[:space:]]+') AS w WHERE w <> '') AS words,
           websearch_to_tsquery('simple', :query) AS text_query
),
contains_hits AS MATERIALIZED (
    SELECT t.item_id, t.name, t.category,
           CASE t.kind WHEN 1 THEN 1.0 ELSE 0.9 END::float8
           * CASE
                 WHEN t.term = q.term THEN 1.0
                 WHEN starts_with(t.term, q.term) THEN 0.8 + 0.15 * length(q.term)::float8 / length(t.term)
                 ELSE 0.65 + 0.15 * length(q.term)::float8 / length(t.term)
             END AS score
    FROM q, item_terms t
    WHERE t.term LIKE q.pattern
),
tier_a AS MATERIALIZED (
    SELECT count(DISTINCT item_id) AS items
    FROM contains_hits
    WHERE CAST(:category AS text) IS NULL OR category = CAST(:category AS text)
),
similar_hits AS (
    SELECT t.item_id, t.name, t.category,
           CASE t.kind WHEN 1 THEN 1.0 ELSE 0.9 END::float8 * 0.55 * similarity(t.term, q.term) AS score
    FROM q, item_terms t
    WHERE (SELECT items = 0 FROM tier_a) AND CAST(:fuzzy AS boolean) AND t.term % q.term
),
word_hits AS (
    SELECT t.item_id, t.name, t.category,
           CASE t.kind WHEN 1 THEN 1.0 ELSE 0.9 END::float8
           * (0.15 + 0.3 * length(t.term)::float8 / length(q.term)) AS score
    FROM q, item_terms t
    WHERE (SELECT items < :limit FROM tier_a) AND cardinality(q.words) > 1 AND t.term = ANY (q.words)
),
text_hits AS (
    SELECT i.id AS item_id, i.name, i.category,
           0.4 + 0.1 * least(ts_rank(i.search_tsv, q.text_query), 1.0)::float8 AS score
    FROM q, items i
    WHERE (SELECT items < :limit FROM tier_a) AND i.search_tsv @@ q.text_query
),
description_hits AS (
    SELECT i.id AS item_id, i.name, i.category, 0.3 + 0.01 * least(length(q.term), 10)::float8 AS score
    FROM q, items i
    WHERE (SELECT items = 0 FROM tier_a) AND i.description_norm LIKE q.pattern
      AND (CAST(:category AS text) IS NULL OR i.category = CAST(:category AS text))
    ORDER BY length(i.name), i.name, i.id
    LIMIT :limit
),
ranked AS (
    SELECT hits.item_id, hits.name, max(hits.score) AS score
    FROM (SELECT * FROM contains_hits
          UNION ALL SELECT * FROM similar_hits
          UNION ALL SELECT * FROM word_hits
          UNION ALL SELECT * FROM text_hits
          UNION ALL SELECT * FROM description_hits) AS hits
    WHERE CAST(:category AS text) IS NULL OR hits.category = CAST(:category AS text)
    GROUP BY hits.item_id, hits.name
    ORDER BY score DESC, length(hits.name), hits.name, hits.item_id
    LIMIT :limit
)
SELECT i.id, i.slug, i.name, i.name_en, i.category, i.subcategory, i.description, i.how_to_recycle, i.do_not_do,
       i.tips, i.images, i.recyclable, i.search_keywords, round(r.score::numeric, 4)::float8 AS score
FROM ranked r
JOIN items i ON i.id = r.item_id
ORDER BY r.score DESC, length(r.name), r.name, r.item_id
