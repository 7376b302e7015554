// The pane as a WPS 加载项 task pane, against a stand-in for WPS's `wps` object (no WPS runs
// here: docs/wps.md), and the WPS add-in folder's ribbon wiring.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import test from "node:test";
import vm from "node:vm";
import { JSDOM } from "jsdom";
import { SECRET_HEADER } from "../src/main/resources/org/huizong/addin/js/api.mjs";
import { boot } from "../src/main/resources/org/huizong/addin/js/main.mjs";
import { fakeFetch } from "../testkit/fake-fetch.mjs";
import { fixture } from "../testkit/fixtures.mjs";
import { ADDIN_DIR, loadPage, until } from "../testkit/page.mjs";
import { wpsFake } from "../testkit/wps-fake.mjs";

// The server's validate answer (server ApiV1), as the server writes it.
const ANSWER = fixture("validate-one-error.json");

async function start(options = {}) {
  const win = loadPage();
  const { wps, log } = wpsFake(options);
  const server = fakeFetch({ "POST validate": () => ({ body: ANSWER }) });
  // office.js is on the page in WPS too; in WPS's browser it finds no Office host
  const Office = { HostType: { Excel: "Excel" }, onReady: async () => ({ host: null }) };
  await boot(win, { wps, Office, Excel: undefined, fetch: server.fetch });
  return { win, $: (id) => win.document.getElementById(id), log, server };
}

test("in WPS 表格 the pane reads _meta and the school name from the open workbook", async () => {
  const { win, $ } = await start();
  assert.equal(win.document.body.dataset.mode, "wps");
  assert.equal($("picker").hidden, true);
  assert.equal($("school-name").textContent, "城关镇第一小学");
  assert.equal($("school-code").textContent, "（3412250001）");
  assert.equal($("period").textContent, "2024年上半年");
});

test("校验 sends a temp copy read with ReadFileAsArrayBuffer and removes the copy", async () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]);
  const { $, log, server } = await start({ bytes });
  $("validate").click();
  await until(() => !$("findings").hidden, "findings");

  assert.equal(log.savedCopies.length, 1);
  assert.match(log.savedCopies[0], /^C:\\Users\\school\\AppData\\Local\\Temp\/huizong-\d+\.xlsx$/);
  assert.deepEqual(log.read, log.savedCopies);
  assert.deepEqual(log.removed, log.savedCopies, "the temp copy is removed");
  const post = server.requests.find((r) => r.path === "validate");
  assert.deepEqual([...post.body], [...bytes]);
  assert.equal(post.query.filename, "城关镇第一小学-2024H1.xlsx");
  assert.equal(post.headers[SECRET_HEADER], undefined);
});

test("without SaveCopyAs a saved workbook is read from its own file", async () => {
  const { $, log } = await start({ saveCopyFails: true });
  $("validate").click();
  await until(() => !$("findings").hidden, "findings");
  assert.deepEqual(log.read, ["D:/报表/城关镇第一小学-2024H1.xlsx"]);
  assert.deepEqual(log.removed, [], "the clerk's own file is never removed");
});

test("without SaveCopyAs unsaved edits ask for a save first", async () => {
  const { $ } = await start({ saveCopyFails: true, saved: false });
  $("validate").click();
  await until(() => !$("message").hidden, "message");
  assert.equal($("message").textContent, "无法读取当前工作簿：请先保存（Ctrl+S）后再校验或提交。");
});

test("clicking a finding activates the sheet and selects the cell in WPS", async () => {
  const { $, win, log } = await start();
  $("validate").click();
  await until(() => !$("findings").hidden, "findings");
  win.document.querySelector("#findings-groups button.finding-body").click();
  await until(() => log.selected.length === 1, "select");
  assert.deepEqual(log.selected, ["学校基本情况!C8"]);
  assert.deepEqual(log.activated, ["学校基本情况"]);
});

test("a WPS workbook that is not a template is refused like in Excel", async () => {
  const { $ } = await start({ meta: null });
  assert.equal($("validate").disabled, true);
  assert.match($("message").textContent, /不是教育局下发的报表模板/);
});

test("the WPS ribbon's callbacks exist in main.js and open ../taskpane.html", () => {
  const ribbon = readFileSync(join(ADDIN_DIR, "wps", "ribbon.xml"), "utf8");
  const doc = new JSDOM(ribbon, { contentType: "application/xml" }).window.document;
  assert.equal(doc.querySelector("parsererror"), null, "ribbon.xml is well-formed");
  const callbacks = new Set();
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of ["onLoad", "onAction", "getImage", "getEnabled"]) {
      if (el.getAttribute(attr)) {
        callbacks.add(el.getAttribute(attr));
      }
    }
  }
  const created = [];
  const storage = new Map();
  const context = {
    URL,
    window: { location: { href: "https://huizong.example.edu.cn/addin/wps/index.html" } },
    wps: {
      PluginStorage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => storage.set(k, v),
      },
      CreateTaskPane(url, title) {
        const pane = { ID: 7, url, title, Visible: false };
        created.push(pane);
        return pane;
      },
      GetTaskPane: (id) => created.find((p) => p.ID === id) ?? null,
    },
  };
  vm.runInNewContext(readFileSync(join(ADDIN_DIR, "wps", "main.js"), "utf8"), context);
  for (const name of callbacks) {
    assert.equal(typeof context[name], "function", `main.js defines ${name}`);
  }
  context.OnShowPane({ Id: "huizongShowPane" });
  assert.equal(created.length, 1);
  assert.equal(created[0].url, "https://huizong.example.edu.cn/addin/taskpane.html");
  assert.equal(created[0].Visible, true);
  context.OnShowPane({ Id: "huizongShowPane" });
  assert.equal(created.length, 1, "a second click toggles the same pane");
  assert.equal(created[0].Visible, false);
  assert.equal(context.OnGetImage({}), "images/icon-32.png");
});
