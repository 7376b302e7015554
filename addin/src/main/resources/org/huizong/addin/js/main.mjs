// Boots the pane: finds out whether the page runs inside Excel, inside WPS 表格 (a WPS 加载项
// task pane) or in an ordinary browser, and wires the pane to the matching host, the server API
// and the secret store. Everything the page uses from its window is passed in, so node tests
// boot it in jsdom with office-addin-mock.
import { apiBaseFor, createApi } from "./api.mjs";
import { createBrowserHost } from "./browser-host.mjs";
import { createOfficeHost } from "./office-host.mjs";
import { Pane } from "./pane.mjs";
import { createSecretStore } from "./secrets.mjs";
import { createWpsHost, isWpsSpreadsheet } from "./wps-host.mjs";

/** How long to wait for Office.onReady before treating the page as an ordinary browser's. */
export const OFFICE_READY_TIMEOUT_MS = 8000;

/**
 * @param win the page's window
 * @param deps overrides for tests: Office, Excel, wps, fetch
 * @returns {Promise<Pane>} the started pane
 */
export async function boot(win, deps = {}) {
  const Office = "Office" in deps ? deps.Office : win.Office;
  const Excel = "Excel" in deps ? deps.Excel : win.Excel;
  const wps = "wps" in deps ? deps.wps : win.wps;
  const fetchImpl = deps.fetch ?? win.fetch.bind(win);
  const host = isWpsSpreadsheet(wps) ? createWpsHost(wps) : await detectHost(Office, Excel);
  const pane = new Pane({
    doc: win.document,
    host,
    api: createApi(apiBaseFor(win.location.href), fetchImpl),
    secrets: createSecretStore(localStorageOf(win), host.storagePrefix),
    initialSecret: takeSecretFromUrl(win),
  });
  await pane.start();
  return pane;
}

/**
 * Excel mode when office.js is loaded and reports the Excel host; browser mode otherwise
 * (office.js resolves onReady with host null in a plain browser).
 */
export async function detectHost(Office, Excel, timeoutMs = OFFICE_READY_TIMEOUT_MS) {
  if (!Office || typeof Office.onReady !== "function") {
    return createBrowserHost();
  }
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (info && Office.HostType && info.host === Office.HostType.Excel && Excel) {
      return createOfficeHost(Office, Excel);
    }
  } finally {
    clearTimeout(timer);
  }
  return createBrowserHost();
}

function localStorageOf(win) {
  try {
    return win.localStorage ?? null;
  } catch (e) {
    // Reading localStorage itself throws where the browser blocks storage for the page.
    return null;
  }
}

/**
 * The secret a school's upload link carries (`?s=`). It is taken off the address bar at once,
 * so it stays out of the history, bookmarks and screenshots; the store remembers it.
 */
export function takeSecretFromUrl(win) {
  const url = new URL(win.location.href);
  const secret = (url.searchParams.get("s") ?? "").trim();
  if (secret !== "") {
    url.searchParams.delete("s");
    try {
      // office.js sets history.replaceState to null on load, even in a plain browser; the
      // prototype's method is still there.
      const replace = win.History?.prototype?.replaceState ?? win.history.replaceState;
      replace.call(win.history, null, "", url.href);
    } catch (e) {
      // Some embedded browsers refuse replaceState; the secret still works.
    }
  }
  return secret;
}
