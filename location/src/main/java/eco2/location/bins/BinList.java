package eco2.location.bins;

import java.util.List;

/** GET /bins: the nearest bins first. */
public record BinList(List<Bin> items) {}
