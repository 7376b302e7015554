// A stand-in for the bureau server in end-to-end tests: serves the add-in's files at /addin/
// with the content types AddinResources gives, and answers /api/v1/ from a script, recording
// every request with its body. Listens on loopback only.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { ADDIN_DIR } from "./page.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/**
 * @param routes map of "METHOD path" (after /api/v1/) to a function of the recorded request
 *     returning {status, body}
 * @returns {Promise<{url: string, requests: object[], close: () => Promise<void>}>}
 */
export async function startStubServer(routes) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname.startsWith("/api/v1/")) {
      const chunks = [];
      for await (const c of req) {
        chunks.push(c);
      }
      const request = { method: req.method, path: url.pathname.slice("/api/v1/".length),
        query: Object.fromEntries(url.searchParams), headers: req.headers,
        body: Buffer.concat(chunks) };
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`];
      const answer = route ? await route(request) : { status: 404, body: { error: "找不到接口" } };
      res.writeHead(answer.status ?? 200, { "Content-Type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(answer.body));
      return;
    }
    if (url.pathname.startsWith("/addin/")) {
      const rel = normalize(decodeURIComponent(url.pathname.slice("/addin/".length)));
      if (!rel.startsWith("..")) {
        try {
          const body = await readFile(join(ADDIN_DIR, rel));
          res.writeHead(200, { "Content-Type": TYPES[extname(rel)] ?? "application/octet-stream" });
          res.end(body);
          return;
        } catch (e) {
          // fall through to 404
        }
      }
    }
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
