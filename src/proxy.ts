import { NextResponse, type NextRequest } from "next/server";

/**
 * Layouts cannot see the URL, so pass it on: the desk layout sends a signed-out visitor to sign-in
 * with the page they asked for as callbackUrl, and back there after.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-orderdesk-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|login|icon.svg|favicon.ico).*)"] };
