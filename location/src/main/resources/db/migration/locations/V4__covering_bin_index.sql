-- Nearby bin searches read only the (lon_cell, latitude) index: it now carries every column the search returns,
-- so PostgreSQL answers with an index-only scan instead of visiting one heap page per bin, which were scattered
-- over the table in import order. Measured with pgbench on 100,000 bins (bench/location/README.md): the scan alone
-- went from 6,350 to 11,150 queries/s, the whole search from 4,300 to 5,400.
--
-- B-tree entries must stay under about 2.7 kB, so the carried text columns get limits (the importer checks the
-- same ones and reports the line).
ALTER TABLE recycle_bins
    ADD CONSTRAINT recycle_bins_name_length CHECK (char_length(name) <= 200),
    ADD CONSTRAINT recycle_bins_address_length CHECK (char_length(address) <= 300),
    ADD CONSTRAINT recycle_bins_region_length CHECK (char_length(region) <= 50);

DROP INDEX recycle_bins_cell_idx;
CREATE INDEX recycle_bins_cell_idx ON recycle_bins (lon_cell, latitude)
    INCLUDE (longitude, bin_type, id, name, address, region);
