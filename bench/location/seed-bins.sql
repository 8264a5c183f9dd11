-- 100,000 bench bins spread evenly over a 10 km disc around Seoul City Hall (37.5663, 126.9779), deterministic:
-- bin g sits at radius 10 km * sqrt(g / 100000) and angle g * the golden angle (Vogel's sunflower spiral), so every
-- run loads the same points and no area is denser than another (about 318 bins per km², one per 56 m square).
-- Idempotent: existing bench rows are kept.
-- Runs as the admin role against the service's database: psql -v ON_ERROR_STOP=1 -f seed-bins.sql
INSERT INTO locations.recycle_bins (source, source_id, name, address, latitude, longitude, bin_type, region)
SELECT 'bench', g::text, 'bench bin ' || g, '서울특별시 (bench data)',
       37.5663 + r * cos(t) / 111195.08,
       126.9779 + r * sin(t) / (111195.08 * cos(radians(37.5663))),
       (ARRAY['plastic', 'paper', 'glass', 'metal', 'general', 'clothes', 'battery'])[1 + g % 7],
       '서울특별시'
FROM (SELECT g, 10000 * sqrt(g / 100000.0) AS r,
             g * radians(137.50776405003785) AS t
      FROM generate_series(1, 100000) AS g) AS spiral
ON CONFLICT (source, source_id) DO NOTHING;
VACUUM ANALYZE locations.recycle_bins;
SELECT count(*) AS bench_bins FROM locations.recycle_bins WHERE source = 'bench';
