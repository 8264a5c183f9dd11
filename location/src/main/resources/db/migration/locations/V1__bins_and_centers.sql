-- Recycling bins and centres. (source, source_id) names a row across imports, so importing a file again updates
-- rows in place instead of duplicating them.
--
-- Nearby search is a prefilter on plain B-tree indexes, then the exact haversine distance (no extension needed):
-- lon_cell cuts the world into 0.002-degree longitude strips (about 180 m in Korea); a search asks for the few strips
-- its circle touches (lon_cell = ANY(...)) and, inside each strip, a latitude range. That reads a box barely larger
-- than the circle, where a (latitude, longitude) index would read the whole latitude band across all longitudes.
-- The latitude index serves searches around the poles, whose circle spans every longitude.

CREATE TABLE recycle_bins (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text             NOT NULL,
    source_id  text             NOT NULL,
    name       text             NOT NULL,
    address    text,
    latitude   double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude  double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    lon_cell   integer          GENERATED ALWAYS AS (floor(longitude * 500)::integer) STORED,
    bin_type   text             NOT NULL
        CHECK (bin_type IN ('plastic', 'paper', 'glass', 'metal', 'general', 'clothes', 'battery')),
    region     text,
    created_at timestamptz      NOT NULL DEFAULT now(),
    updated_at timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT recycle_bins_source_key UNIQUE (source, source_id)
);
CREATE INDEX recycle_bins_cell_idx ON recycle_bins (lon_cell, latitude);
CREATE INDEX recycle_bins_latitude_idx ON recycle_bins (latitude);

-- Recycling centres, e.g. KECO's 자원순환가게 (source 'keco', source_id = positnSn). Opening hours are kept as the
-- provider wrote them, one column per weekday plus public holidays.
CREATE TABLE recycle_centers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text             NOT NULL,
    source_id       text             NOT NULL,
    name            text             NOT NULL,
    region          text,            -- 시/도, canonical (e.g. 충청북도 for 충북)
    district        text,            -- 시/군/구 (e.g. 청주시, 서구)
    road_address    text,
    lot_address     text,
    location_detail text,            -- where exactly on the site, e.g. "주차장 정자 앞"
    latitude        double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    lon_cell        integer          GENERATED ALWAYS AS (floor(longitude * 500)::integer) STORED,
    phone           text,
    hours_mon       text,
    hours_tue       text,
    hours_wed       text,
    hours_thu       text,
    hours_fri       text,
    hours_sat       text,
    hours_sun       text,
    hours_holiday   text,
    accepted_items  text[]           NOT NULL DEFAULT '{}',
    notes           text,
    homepage_url    text,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT recycle_centers_source_key UNIQUE (source, source_id)
);
CREATE INDEX recycle_centers_cell_idx ON recycle_centers (lon_cell, latitude);
CREATE INDEX recycle_centers_latitude_idx ON recycle_centers (latitude);
CREATE INDEX recycle_centers_region_idx ON recycle_centers (region, district);
CREATE INDEX recycle_centers_district_idx ON recycle_centers (district);
