-- Settings for the rest of this search's transaction, in one statement:
--   plan_cache_mode: plan the prepared ranking queries once, with their parameters unknown. Their custom plans cost
--     about 1 ms each to make and the generic plans are as good (the branches :broad and :fuzzy switch off are
--     skipped at run time), so re-planning per call was most of a search's database time.
--   pg_trgm.similarity_threshold: the % operator keeps terms at least 40 % similar (default 30 %). One-letter typos
--     of Korean words land at 40-55 % over letters; the lower default only let the index hand over three times as
--     many look-alikes to be checked one by one.
SELECT set_config('plan_cache_mode', 'force_generic_plan', true),
       set_config('pg_trgm.similarity_threshold', '0.4', true)
