// A fetch for node tests: records every request and answers from a script of routes.

/**
 * @param routes map of "METHOD path" (path after /api/v1/, without query) to a function of the
 *     recorded request returning {status, body} (body an object, sent as JSON, or a string)
 */
export function fakeFetch(routes) {
  const requests = [];
  const fetch = async (url, init = {}) => {
    const u = new URL(url);
    const path = u.pathname.replace(/^.*\/api\/v1\//, "");
    const request = {
      url,
      method: init.method ?? "GET",
      path,
      query: Object.fromEntries(u.searchParams),
      headers: { ...(init.headers ?? {}) },
      body: init.body,
    };
    requests.push(request);
    const route = routes[`${request.method} ${path}`];
    if (!route) {
      return response(404, { error: "not found" });
    }
    const answer = await route(request);
    if (answer instanceof Error) {
      throw answer;
    }
    return response(answer.status ?? 200, answer.body);
  };
  return { fetch, requests };
}

function response(status, body) {
  const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
  return {
    ok: status >= 200 && status < 300,
    status,
    text: async () => text,
  };
}
