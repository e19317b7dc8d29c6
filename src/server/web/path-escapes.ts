/**
 * Malformed percent-escapes in a URL path (issue 14, row 10): `/orders/%`, `/orders/%E0%A4%A` (bytes that are
 * not UTF-8). Next decodes a dynamic route's parameters while it routes, before any of our code runs, and
 * answers a path that does not decode with a bare 500. So `beforeFiles` rewrites in next.config.js (the same test
 * as a regular expression) take such a path away before Next looks for its route:
 * - the API's to src/app/api/v1/malformed-path, which answers `400` with the API's error body naming the path
 *   (a proxy matcher for the API would make Next buffer request bodies);
 * - the others (pages, the desk's downloads) to a path that is no route, so the not-found page (a 404), which
 *   says the address is malformed: src/proxy.ts, which runs before the rewrites, marks the request so.
 * The proxy does not rewrite them itself: Next takes a proxy's rewrite for an external one (and fetches it over
 * HTTP, losing the mark) when the server was started with a hostname (`next start -H 127.0.0.1`).
 */

/** The first segment of `pathname` (as sent, still percent-encoded) that does not decode, or null when all do. */
export function malformedPathSegment(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

const HEX = "[0-9A-Fa-f]";
/** A continuation byte, %80–%BF. */
const CONT = `%[89ABab]${HEX}`;

/**
 * One character of a path whose escapes all decode: anything but `%`, or the escapes of one UTF-8 encoded code
 * point (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) — exactly what decodeURIComponent
 * accepts.
 */
const WELL_FORMED_PATH_UNIT = [
  "[^%]",
  `%[0-7]${HEX}`,
  `%[Cc][2-9A-Fa-f]${CONT}`,
  `%[Dd]${HEX}${CONT}`,
  `%[Ee]0%[AaBb]${HEX}${CONT}`,
  `%[Ee][1-9A-Ca-cEeFf]${CONT}${CONT}`,
  `%[Ee][Dd]%[89]${HEX}${CONT}`,
  `%[Ff]0%(?:9${HEX}|[AaBb]${HEX})${CONT}${CONT}`,
  `%[Ff][1-3]${CONT}${CONT}${CONT}`,
  `%[Ff]4%8${HEX}${CONT}${CONT}`,
].join("|");

/** The path-to-regexp pattern of a path (after its first `/`) with an escape that does not decode. */
const MALFORMED_REST = `((?!(?:${WELL_FORMED_PATH_UNIT})*$).*)`;

/**
 * next.config.js's `beforeFiles` rewrites, in order: the API's malformed paths to the route that answers them
 * (src/app/api/v1/malformed-path/route.ts), every other one to a path that is no route (in the app directory a
 * folder starting with `_` is private, so none can ever be), hence the not-found page.
 */
export const MALFORMED_PATH_REWRITES = [
  { source: `/api/:path${MALFORMED_REST}`, destination: "/api/v1/malformed-path" },
  { source: `/:path${MALFORMED_REST}`, destination: "/_malformed-path" },
];

/** Set by src/proxy.ts on a page request whose path does not decode: the not-found page says so. */
export const MALFORMED_PATH_HEADER = "x-orderdesk-malformed-path";

/** The API's answer to a path that does not decode: `400 INVALID_INPUT` naming the path and the segment. */
export function malformedApiPathError(pathname: string, segment: string) {
  return {
    code: "INVALID_INPUT",
    message: `The path ${pathname} is not a valid URL: "${segment}" has a malformed %-escape.`,
    details: { path: pathname, fields: { "(path)": [`"${segment}" is not a valid URL escape`] } },
  };
}
