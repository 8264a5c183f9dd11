-- Tier A of search.sql alone: items with a name, English name or keyword that contains the query, scored exactly
-- as there. Tier A outranks everything else, so when this finds a full page it is the answer of search.sql, at a
-- fraction of the cost (no similarity to compute, no full text, no descriptions). Keep the two in step.
-- q is MATERIALIZED so that the normalised query is computed once per search: inlined into a generic plan, every
-- reference to it re-ran normalize() and regexp_replace() for every candidate row (4 ms of 6 for a common word).
WITH q AS MATERIALIZED (
    SELECT search_norm(:query) AS term,
           search_pattern(:query) AS pattern
),
ranked AS (
    SELECT t.item_id, t.name,
           max(CASE t.kind WHEN 1 THEN 1.0 ELSE 0.9 END::float8
               * CASE
                     WHEN t.term = q.term THEN 1.0
                     WHEN starts_with(t.term, q.term) THEN 0.8 + 0.15 * length(q.term)::float8 / length(t.term)
                     ELSE 0.65 + 0.15 * length(q.term)::float8 / length(t.term)
                 END) AS score
    FROM q, item_terms t
    WHERE t.term LIKE q.pattern AND (CAST(:category AS text) IS NULL OR t.category = CAST(:category AS text))
    GROUP BY t.item_id, t.name
    ORDER BY score DESC, length(t.name), t.name, t.item_id
    LIMIT :limit
)
SELECT i.id, i.slug, i.name, i.name_en, i.category, i.subcategory, i.description, i.how_to_recycle, i.do_not_do,
       i.tips, i.images, i.recyclable, i.search_keywords, round(r.score::numeric, 4)::float8 AS score
FROM ranked r
JOIN items i ON i.id = r.item_id
ORDER BY r.score DESC, length(r.name), r.name, r.item_id
