-- Categories, items and what search reads: normalised terms (trigram index), description and a text vector.

-- Trigram matching. Dev/CI bootstrap creates the extension as admin before Flyway runs; in production a DBA runs
-- CREATE EXTENSION pg_trgm WITH SCHEMA recycle_info once. Then this line only notices it exists. If neither happened,
-- it fails here with PostgreSQL's own hint ("Must have CREATE privilege on current database").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The one normalisation search uses on both sides, for stored terms and for the query: lower case, no whitespace at
-- all ("투명 페트병" = "투명페트병"), and Hangul decomposed into its letters (NFD: 병 becomes ㅂ ㅕ ㅇ). Trigrams over
-- letters rather than syllables make a one-letter typo cost a few trigrams instead of all of them: 휴데폰 and 휴대폰
-- share 45 % of their trigrams this way and 14 % as syllables, which is the difference between found and not found.
-- Decomposition keeps substrings intact (페트 is still inside 페트병), because a syllable's first letter always has
-- its own code point.
CREATE FUNCTION search_norm(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(regexp_replace(normalize(t, NFD), '[[:space:]]+', '', 'g')) $$;

-- A LIKE pattern that finds the normalised query anywhere, its own % _ and \ taken literally. It lives here rather
-- than in the query files because the query layer (JDBI) treats backslashes in SQL text as its own escapes.
CREATE FUNCTION search_pattern(q text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT '%' || replace(replace(replace(search_norm(q), '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;

-- Full text over every searchable field, weighted name (A) > keywords (B) > description (C). 'simple' because
-- PostgreSQL ships no Korean stemmer; words split on spaces and punctuation.
CREATE FUNCTION search_document(name text, name_en text, keywords text[], description text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(name_en, '')), 'A')
      || setweight(to_tsvector('simple'::regconfig, coalesce(array_to_string(keywords, ' '), '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
$$;

CREATE TABLE categories (
    key           text        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,29}$'),
    name          text        NOT NULL,
    name_en       text        NOT NULL,
    icon          text        NOT NULL,
    description   text        NOT NULL,
    display_order int         NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE items (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug             text        NOT NULL UNIQUE,
    -- Byte order ("C"): Hangul syllables sort 가나다 in it, and lists sort the same on every server and locale.
    name             text        COLLATE "C" NOT NULL,
    name_en          text,
    category         text        NOT NULL REFERENCES categories (key),
    subcategory      text,
    description      text        NOT NULL,
    how_to_recycle   text[]      NOT NULL,
    do_not_do        text[]      NOT NULL DEFAULT '{}',
    tips             text[]      NOT NULL DEFAULT '{}',
    images           text[]      NOT NULL DEFAULT '{}',
    recyclable       boolean     NOT NULL,
    search_keywords  text[]      NOT NULL DEFAULT '{}',
    -- Curated items: the fingerprint of their entry in the content files, so the loader rewrites only entries
    -- that changed there. NULL for items admins created through the API, which the loader never touches.
    content_hash     text,
    description_norm text        GENERATED ALWAYS AS (search_norm(description)) STORED,
    search_tsv       tsvector    GENERATED ALWAYS AS (search_document(name, name_en, search_keywords, description)) STORED,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The catalogue pages by name, optionally within one category.
CREATE INDEX items_by_name ON items (name, id);
CREATE INDEX items_by_category_name ON items (category, name, id);
CREATE INDEX items_description_trgm ON items USING gin (description_norm gin_trgm_ops);
CREATE INDEX items_search_tsv ON items USING gin (search_tsv);

-- One row per name, English name and keyword of an item, normalised by search_norm. Search scores each matching
-- term (exact, prefix, substring, similar spelling) and keeps an item's best one; kind says how much it weighs.
-- The item's name and category are repeated here so that ranking, its tie-break (shorter names first) and the
-- category filter need no join: items is read only for the few rows a search returns.
CREATE TABLE item_terms (
    item_id  uuid     NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    kind     smallint NOT NULL CHECK (kind IN (1, 2, 3)), -- 1 name, 2 English name, 3 keyword
    term     text     NOT NULL,
    name     text     COLLATE "C" NOT NULL,
    category text     NOT NULL,
    PRIMARY KEY (item_id, kind, term)
);
CREATE INDEX item_terms_trgm ON item_terms USING gin (term gin_trgm_ops);
-- Whole words of a longer query ("약 버리는 곳") are looked up as they are.
CREATE INDEX item_terms_term ON item_terms (term);

-- A trigger rather than application code keeps the terms true to the item whoever writes it: the content loader,
-- the admin API, or SQL run by hand (the benchmark inserts 10,000 items that way).
CREATE FUNCTION items_sync_terms() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT -- this schema, also when a session with another search_path writes items
AS $$
BEGIN
    DELETE FROM item_terms WHERE item_id = NEW.id;
    INSERT INTO item_terms (item_id, kind, term, name, category)
    SELECT NEW.id, s.kind, search_norm(s.text), NEW.name, NEW.category
    FROM (SELECT 1, NEW.name
          UNION ALL SELECT 2, NEW.name_en
          UNION ALL SELECT 3, unnest(NEW.search_keywords)) AS s (kind, text)
    WHERE s.text IS NOT NULL AND search_norm(s.text) <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER items_terms
    AFTER INSERT OR UPDATE OF name, name_en, search_keywords, category ON items
    FOR EACH ROW EXECUTE FUNCTION items_sync_terms();
