/**
 * Where to send a user after sign-in: only a path on this origin, or null.
 *
 * `target` is what arrived as `callbackUrl` (a path, or an absolute URL on this origin from next-auth). It is
 * resolved with `new URL(target, origin)` and kept only when it stays on `origin`. Backslashes and control
 * characters are refused before parsing (browsers read `/\evil.example` as `//evil.example`, and strip tabs and
 * newlines), and so is a path that normalises to `//…` (`/.//evil.example`), which a browser would follow off-site.
 */
export function safeRedirectPath(target: string | null | undefined, origin: string): string | null {
  if (!target) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(target)) return null;
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(target);
  if (!isAbsolute && !target.startsWith("/")) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base.origin);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  if (url.username || url.password) return null;
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
