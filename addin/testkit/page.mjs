// The task pane page in jsdom, for node tests: taskpane.html as shipped, its scripts not run
// (tests boot js/main.mjs themselves with mocks), at the address the server serves it from.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";

export const ADDIN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "main",
  "resources", "org", "huizong", "addin");

export const PAGE_URL = "https://huizong.example.edu.cn/addin/taskpane.html";

export function loadPage(url = PAGE_URL) {
  const html = readFileSync(join(ADDIN_DIR, "taskpane.html"), "utf8");
  // outside-only: the page's own scripts do not run, tests may evaluate one themselves
  const dom = new JSDOM(html, { url, pretendToBeVisual: true, runScripts: "outside-only" });
  return dom.window;
}

/** Waits until `check` returns a truthy value (the pane updates after awaited promises). */
export async function until(check, what = "condition", tries = 200) {
  for (let i = 0; i < tries; i++) {
    const v = check();
    if (v) {
      return v;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up waiting for ${what}`);
}
