/** The browsable API reference: Swagger UI (served from our own node_modules, no CDN) over /api/v1/openapi.json. */
export function GET() {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Orderdesk API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  <style>body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif}.topbar{display:none}</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/assets/docs-init.js"></script>
</body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
