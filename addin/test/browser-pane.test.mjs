// The same page in an ordinary browser (no Office host): the school's upload page, in jsdom.
// The end-to-end run in Chromium against a server is browser-e2e.test.mjs.
import assert from "node:assert/strict";
import test from "node:test";
import { SECRET_HEADER } from "../src/main/resources/org/huizong/addin/js/api.mjs";
import { boot } from "../src/main/resources/org/huizong/addin/js/main.mjs";
import { fakeFetch } from "../testkit/fake-fetch.mjs";
import { fixture } from "../testkit/fixtures.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADDIN_DIR, loadPage, until } from "../testkit/page.mjs";

const XLSX = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]);

// The server's validate answer (server ApiV1), as the server writes it: one file, school by code.
const ANSWER = fixture("validate-one-error.json");
const STATUS = { school: { code: "3412250001", name: "城关镇第一小学" },
  collection: { standard: "edu-halfyear", title: "2024年上半年教育工作半年报表", period: "2024H1" },
  status: "none", statusLabel: "未报", latestVersion: null, review: null };

async function start({ url, routes = {}, noOffice = true } = {}) {
  const win = loadPage(url);
  let submitted = false;
  const server = fakeFetch({
    "POST validate": () => ({ body: ANSWER }),
    "GET status": () => ({ body: submitted
      ? { ...STATUS, status: "error", statusLabel: "有错误" } : STATUS }),
    "POST submit": () => {
      submitted = true;
      return { status: 201, body: fixture("submit-one-error.json") };
    },
    ...routes,
  });
  // office.js in a plain browser resolves onReady with host null
  const Office = noOffice ? undefined
    : { HostType: { Excel: "Excel" }, onReady: async () => ({ host: null, platform: null }) };
  await boot(win, { Office, Excel: undefined, fetch: server.fetch });
  return { win, $: (id) => win.document.getElementById(id), server };
}

function choose(win, name, bytes) {
  const input = win.document.getElementById("file");
  const file = new win.File([bytes], name);
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new win.Event("change"));
}

test("in a plain browser the page is the upload page with a file picker", async () => {
  const { win, $ } = await start({ noOffice: false });
  assert.equal(win.document.body.dataset.mode, "browser");
  assert.equal($("picker").hidden, false);
  assert.equal($("title-mode").textContent, "学校报表上传");
  assert.equal($("findings-hint").hidden, true, "no cells to jump to outside Excel");
});

test("a picked file is validated at once and findings are listed without buttons", async () => {
  const { win, $, server } = await start();
  choose(win, "城关一小.xlsx", XLSX);
  await until(() => !$("findings").hidden, "findings");

  const post = server.requests.find((r) => r.path === "validate");
  assert.deepEqual([...post.body], [...XLSX]);
  assert.equal(post.query.filename, "城关一小.xlsx");
  assert.equal($("file-name").textContent, "城关一小.xlsx");
  assert.equal($("school-code").textContent, "3412250001", "school code from the answer");
  assert.equal($("collection").textContent, "教育工作半年报表");
  assert.equal($("period").textContent, "2024年上半年");
  assert.equal(win.document.querySelectorAll("#findings-groups button").length, 0);
  assert.match(win.document.querySelector("#findings-groups li").textContent,
    /^错误C8学校负责人（info.head）未填写$/);
});

test("a dropped file is taken like a picked one; two files are refused", async () => {
  const { win, $, server } = await start();
  const drop = (files) => {
    const e = new win.Event("drop", { bubbles: true, cancelable: true });
    e.dataTransfer = { files };
    win.document.getElementById("drop").dispatchEvent(e);
    return e;
  };
  const two = drop([new win.File([XLSX], "a.xlsx"), new win.File([XLSX], "b.xlsx")]);
  assert.equal(two.defaultPrevented, true, "the browser does not open the file itself");
  assert.match($("message").textContent, /一次只能上传一个报表文件/);

  drop([new win.File([XLSX], "城关一小.xlsx")]);
  await until(() => server.requests.some((r) => r.path === "validate"), "validate");
});

test("old .xls files and non-zip files are refused before any upload", async () => {
  const { win, $, server } = await start();
  choose(win, "旧表.xls", XLSX);
  await until(() => !$("message").hidden, "message");
  assert.match($("message").textContent, /旧版 \.xls 文件/);

  choose(win, "改名.xlsx", new TextEncoder().encode("not a zip"));
  await until(() => /不是有效的 \.xlsx 文件/.test($("message").textContent), "refusal");
  assert.equal(server.requests.filter((r) => r.path === "validate").length, 0);
});

test("校验 before choosing a file asks for one", async () => {
  const { $ } = await start();
  $("validate").click();
  await until(() => !$("message").hidden, "message");
  assert.equal($("message").textContent, "请先选择或拖入本校的报表文件（.xlsx）。");
});

test("the upload link's ?s= secret is remembered, taken off the address and used", async () => {
  const { win, $, server } = await start({
    url: "https://huizong.example.edu.cn/addin/taskpane.html?s=k-7788&x=1",
  });

  assert.equal(win.location.href, "https://huizong.example.edu.cn/addin/taskpane.html?x=1");
  assert.equal(win.localStorage.getItem("huizong.secret"), "k-7788");
  assert.equal(server.requests[0].headers[SECRET_HEADER], "k-7788");
  assert.equal($("status-label").textContent, "未报");
  assert.equal($("school-name").textContent, "城关镇第一小学", "school named from the status");
  assert.equal($("collection").textContent, "2024年上半年教育工作半年报表");
  assert.equal($("period").textContent, "", "the title names its period already");

  choose(win, "城关一小.xlsx", XLSX);
  await until(() => !$("findings").hidden, "findings");
  $("submit").click();
  await until(() => server.requests.some((r) => r.path === "submit"), "submit");
  const submit = server.requests.find((r) => r.path === "submit");
  assert.equal(submit.headers[SECRET_HEADER], "k-7788");
  assert.deepEqual([...submit.body], [...XLSX]);
  await until(() => $("status-label").textContent === "有错误", "status after submit");
  assert.equal($("notice").textContent,
    "服务器已收到第 1 版，但报表还有错误：请按下方问题修改后重新提交。");
  assert.equal($("school-name").textContent, "城关镇第一小学", "the name stays after validating");
  assert.equal($("school-code").textContent, "（3412250001）");
});

test("a file of another school than the secret's is pointed out", async () => {
  const { win, $ } = await start({
    url: "https://huizong.example.edu.cn/addin/taskpane.html?s=k-7788",
    routes: { "POST validate": () => ({ body: { ...ANSWER,
      files: [{ ...ANSWER.files[0], school: "3412250009" }] } }) },
  });
  choose(win, "别的学校.xlsx", XLSX);
  await until(() => !$("findings").hidden, "findings");
  assert.equal($("message").textContent, "这份报表的学校标识码是 3412250009，而保存的密钥属于"
    + "城关镇第一小学（3412250001）：请打开本校的报表，或点“更换密钥”。");
  assert.equal($("school-code").textContent, "（3412250001）", "the header stays the secret's");
});

test("a browser without ES modules (Excel's IE11) is told to use the upload page", async () => {
  const win = loadPage();
  win.eval(readFileSync(join(ADDIN_DIR, "js", "legacy.js"), "utf8"));
  const $ = (id) => win.document.getElementById(id);
  await until(() => !$("message").hidden, "message");
  assert.match($("message").textContent,
    /浏览器组件过旧.*https:\/\/huizong\.example\.edu\.cn\/addin\/taskpane\.html/);
  assert.equal($("validate").disabled, true);
  assert.equal($("submit").disabled, true);
});
