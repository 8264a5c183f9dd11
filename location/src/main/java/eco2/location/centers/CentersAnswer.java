package eco2.location.centers;

import io.javalin.openapi.OneOf;

/** For the OpenAPI document only: GET /centers answers {items} near a point, or a page of a region. */
@OneOf({NearbyCenters.class, CenterPage.class})
interface CentersAnswer {}
