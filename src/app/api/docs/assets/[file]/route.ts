import fs from "node:fs/promises";
import path from "node:path";

const SWAGGER_FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// Tags start closed: rendering all ~150 operations of the ~450 KB document at once took Swagger UI well over
// a minute on a busy machine; a tag opens its operations at once. `filter` searches the tags.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  docExpansion: "none",
  defaultModelsExpandDepth: -1,
  filter: true,
  persistAuthorization: true,
  tryItOutEnabled: false,
});`;

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === "docs-init.js") return new Response(INIT_SCRIPT, { headers: { "content-type": "text/javascript; charset=utf-8" } });
  const type = SWAGGER_FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body = await fs.readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
