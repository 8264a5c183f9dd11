-- Adds :count generated items (slugs bench-00001 ...) to recycle_info.items for the info benchmark, so search runs
-- against a catalogue about 70 times the curated one. Run after the service has migrated and loaded its content:
--   psql -v count=10000 -f bench/info/generate-items.sql "$DB"
-- Names combine a modifier, a household noun and a model code ("소형 밀폐용기 3F2A"). Some nouns share words with
-- the curated items (페트병, 상자, 캔, 비닐, 컵, 스티로폼, 건전지), so common queries match hundreds of generated rows
-- as they would in a real, larger catalogue. Items get no content_hash, like items admins create, so the
-- service's content loader leaves them alone. Idempotent: existing slugs are skipped.
\set ON_ERROR_STOP on
WITH words AS (
    SELECT ARRAY['소형', '대형', '투명', '검정', '흰색', '빨간', '접이식', '일회용', '휴대용', '가정용', '어린이용',
                 '업소용', '미니', '스테인리스', '원목', '실리콘', '유리', '종이', '플라스틱', '철제', '캠핑용',
                 '사무용', '주방용', '욕실용'] AS adj,
           ARRAY['small', 'large', 'clear', 'black', 'white', 'red', 'folding', 'disposable', 'portable', 'home',
                 'kids', 'commercial', 'mini', 'stainless', 'wooden', 'silicone', 'glass', 'paper', 'plastic',
                 'steel', 'camping', 'office', 'kitchen', 'bathroom'] AS adj_en,
           ARRAY['물병', '도시락통', '밀폐용기', '바구니', '양동이', '빨래집게', '쿠션', '슬리퍼', '가방', '모자',
                 '수세미', '행주', '앞치마', '양말', '필통', '지우개', '액자', '시계', '전기포트', '토스터', '믹서기',
                 '다리미', '가습기', '스피커', '키보드', '마우스', '이어폰', '전기장판', '냄비받침', '국자', '가위',
                 '공구함', '선반', '서랍', '협탁', '신발장', '행거', '음료 페트병', '종이 상자', '선물 상자',
                 '음료 캔', '비닐 포장지', '종이컵 홀더', '스티로폼 상자', '건전지 케이스', '유리 화병',
                 '소스 용기', '우산꽂이'] AS noun,
           ARRAY['water bottle', 'lunch box', 'food container', 'basket', 'bucket', 'clothespin', 'cushion',
                 'slippers', 'bag', 'hat', 'scrubber', 'dish cloth', 'apron', 'socks', 'pencil case', 'eraser',
                 'picture frame', 'clock', 'electric kettle', 'toaster', 'blender', 'iron', 'humidifier', 'speaker',
                 'keyboard', 'mouse', 'earphones', 'electric blanket', 'pot stand', 'ladle', 'scissors', 'tool box',
                 'shelf', 'drawer', 'nightstand', 'shoe cabinet', 'clothes rack', 'beverage pet bottle',
                 'paper box', 'gift box', 'beverage can', 'plastic wrapping', 'cup sleeve', 'styrofoam box',
                 'battery case', 'glass vase', 'sauce container', 'umbrella stand'] AS noun_en,
           ARRAY['plastic', 'plastic', 'plastic', 'plastic', 'plastic', 'plastic', 'general', 'general', 'general',
                 'general', 'general', 'general', 'general', 'general', 'general', 'general', 'general',
                 'electronic', 'electronic', 'electronic', 'electronic', 'electronic', 'electronic', 'electronic',
                 'electronic', 'electronic', 'electronic', 'electronic', 'metal', 'metal', 'metal', 'metal', 'large',
                 'large', 'large', 'large', 'large', 'plastic', 'paper', 'paper', 'metal', 'plastic', 'paper',
                 'plastic', 'general', 'glass', 'plastic', 'large'] AS category,
           ARRAY['재질이 섞여 있어 종량제 봉투에 넣어 버립니다.',
                 '내용물을 비우고 헹군 뒤 재질별로 분리배출합니다.',
                 '크기가 크면 대형폐기물로 신고하고, 작으면 종량제 봉투에 담습니다.',
                 '전지를 빼고 소형 폐가전 수거함이나 무상 방문수거를 이용합니다.',
                 '이물질을 털어 내고 압착해 같은 재질끼리 모아 배출합니다.',
                 '깨지지 않게 신문지로 싸서 불연성 마대에 담아 버립니다.'] AS disposal
),
generated AS (
    SELECT n,
           1 + n % 24 AS a,
           1 + (n / 24) % 48 AS k,
           upper(substr(md5(n::text), 1, 4)) AS code
    FROM generate_series(1, :count) AS n
)
INSERT INTO recycle_info.items (slug, name, name_en, category, subcategory, description, how_to_recycle, do_not_do,
                                tips, recyclable, search_keywords)
SELECT 'bench-' || lpad(g.n::text, 5, '0'),
       w.adj[g.a] || ' ' || w.noun[g.k] || ' ' || g.code,
       initcap(w.adj_en[g.a] || ' ' || w.noun_en[g.k]) || ' ' || g.code,
       w.category[g.k],
       w.noun[g.k],
       w.adj[g.a] || ' ' || w.noun[g.k] || '(모델 ' || g.code || ')입니다. ' || w.disposal[1 + g.n % 6]
           || ' 지역마다 배출 방법이 다를 수 있습니다.',
       ARRAY[w.disposal[1 + g.n % 6], '배출 요일과 장소는 거주지 안내를 따릅니다.'],
       ARRAY['다른 재질과 섞어 배출하기'],
       ARRAY[]::text[],
       g.n % 3 <> 0,
       ARRAY[w.noun[g.k], replace(w.adj[g.a] || w.noun[g.k], ' ', ''), w.noun_en[g.k],
             w.adj_en[g.a] || ' ' || w.noun_en[g.k]]
FROM generated g CROSS JOIN words w
ON CONFLICT (slug) DO NOTHING;

VACUUM ANALYZE recycle_info.items;
VACUUM ANALYZE recycle_info.item_terms;
