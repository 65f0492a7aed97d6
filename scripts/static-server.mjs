// A tiny static file server for the demo and the browser tests, with no
// dependencies: correct MIME types (application/wasm), optional extra
// headers (a CSP for the tests) and optional CORS.
//   node scripts/static-server.mjs --dir dist --port 8080 [--header "Name: value"]... [--cors]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = resolve(opt("--dir", "dist"));
const port = Number(opt("--port", "8080"));
const headers = {};
args.forEach((a, i) => {
  if (a === "--header") {
    const [k, ...v] = args[i + 1].split(":");
    headers[k.trim()] = v.join(":").trim();
  }
});
if (args.includes("--cors")) headers["Access-Control-Allow-Origin"] = "*";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(dir, path));
  if (!file.startsWith(dir)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": types[extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
      ...headers,
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain", ...headers }).end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${dir} on http://localhost:${port}/`);
});
