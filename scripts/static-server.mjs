// A tiny static file server for the demo and the browser tests, with no
// dependencies: correct MIME types (application/wasm), optional extra
// headers (a CSP for the tests), optional CORS, and optional gzip (as a
// CDN would serve the files; used by the Lighthouse run).
//   node scripts/static-server.mjs --dir dist --port 8080 [--header "Name: value"]... [--cors] [--gzip]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

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
const gzip = args.includes("--gzip");

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
    let body = await readFile(file);
    const type = types[extname(file)] || "application/octet-stream";
    const encoding = {};
    if (gzip && /gzip/.test(req.headers["accept-encoding"] ?? "") && !type.startsWith("image/png")) {
      body = gzipSync(body, { level: 9 });
      encoding["Content-Encoding"] = "gzip";
      encoding["Vary"] = "Accept-Encoding";
    }
    res.writeHead(200, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      ...encoding,
      ...headers,
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain", ...headers }).end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${dir} on http://localhost:${port}/`);
});
