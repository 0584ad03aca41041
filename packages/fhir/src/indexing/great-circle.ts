/**
 * Great-circle distance by the haversine formula, for `near` on Location.position.
 * https://hl7.org/fhir/R4/location.html#positional — WGS84 coordinates; a sphere of the mean
 * Earth radius is within 0.5 % of the ellipsoid, which is well inside what `near` promises.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Distance in km between two points given in decimal degrees. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
