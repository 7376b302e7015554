// The page end to end in Chromium: the real office.js (in a plain browser it finds no Office
// host), real fetch and file input, against a stand-in server on loopback. Screenshots go to
// target/screenshots/ to be looked at. Skipped where Chromium is not installed.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromiumMissing, launchChromium } from "../testkit/chromium.mjs";
import { fixture } from "../testkit/fixtures.mjs";
import { startStubServer } from "../testkit/stub-server.mjs";

const SHOTS = new URL("../target/screenshots/", import.meta.url).pathname;
const FAKE_OFFICE = readFileSync(new URL("../testkit/fake-office.js", import.meta.url), "utf8");
const skip = chromiumMissing();

// A few bytes that start like a zip: the stand-in server does not read them.
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from("城关一小的报表内容")]);

// The server's answers (server ApiV1), as the server writes them.
const FINDINGS = fixture("validate-e2e.json");

const SCHOOL = { code: "3412250001", name: "城关镇第一小学", type: "小学", township: "城关镇" };
const COLLECTION = { id: 1, standard: "edu-halfyear", title: "2024年上半年教育工作半年报表",
  period: "2024H1", deadline: "2024-07-10" };

let server;
let browser;
let submitted = false;

before(async () => {
  if (skip) {
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  server = await startStubServer({
    "POST validate": () => ({ body: FINDINGS }),
    "POST submit": () => {
      submitted = true;
      return { status: 201, body: fixture("submit-e2e.json") };
    },
    "GET status": (r) => (r.headers["x-huizong-secret"] !== "k-7788"
      ? { status: 401, body: { error: "学校密钥无效或已作废，请向教育局索取新的上传链接", details: [] } }
      : { body: { school: SCHOOL, collection: COLLECTION,
        status: submitted ? "error" : "returned", statusLabel: submitted ? "有错误" : "已退回",
        latestVersion: { version: submitted ? 2 : 1, uploadedAt: "2024-07-05T02:12:00Z" },
        review: submitted ? null : { decision: "returned",
          reason: "学生资助人数与学籍系统不一致，请核对后重新提交。" } } }),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path, { width = 1000, height = 900, excel = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, locale: "zh-CN" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (excel) {
    await page.route("**/office/office.js", (route) => route.fulfill({
      contentType: "text/javascript; charset=utf-8", body: FAKE_OFFICE }));
  }
  await page.goto(server.url + path);
  return { page, errors };
}

test("upload page: pick a file, see findings by sheet, submit with the link's secret",
  { skip }, async () => {
    const { page, errors } = await openPage("/addin/taskpane.html?s=k-7788");
    await page.waitForSelector("body[data-mode=browser]");
    await page.waitForSelector("#status:not([hidden])");
    assert.equal(new URL(page.url()).search, "", "the secret is taken off the address bar");
    assert.equal(await page.isHidden("#message"), true, "the nomodule script did not run");
    assert.equal(await page.textContent("#status-label"), "已退回");
    assert.match(await page.textContent("#status-reason"), /学生资助人数与学籍系统不一致/);
    await page.screenshot({ path: join(SHOTS, "upload-1-returned.png"), fullPage: true });

    await page.setInputFiles("#file", { name: "城关镇第一小学-2024H1.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: XLSX });
    await page.waitForSelector("#findings:not([hidden])");
    const validate = server.requests.find((r) => r.path === "validate");
    assert.deepEqual(validate.body, XLSX, "the file's bytes reach the server unchanged");
    assert.equal(validate.query.filename, "城关镇第一小学-2024H1.xlsx");
    assert.equal(validate.headers["content-type"],
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert.equal(await page.textContent("#findings-summary"), "校验发现：错误 3 项，警告 2 项");
    const groups = await page.$$eval("#findings-groups summary",
      (s) => s.map((e) => e.textContent));
    assert.deepEqual(groups,
      ["学校基本情况（2）", "学生资助（2）", "课后服务（1）"]);
    await page.screenshot({ path: join(SHOTS, "upload-2-findings.png"), fullPage: true });

    await page.click("#submit");
    await page.waitForFunction(() => document.querySelector("#status-label").textContent === "有错误");
    const submit = server.requests.find((r) => r.path === "submit");
    assert.equal(submit.headers["x-huizong-secret"], "k-7788");
    assert.deepEqual(submit.body, XLSX);
    assert.equal(await page.isHidden("#status-reason"), true);
    await page.screenshot({ path: join(SHOTS, "upload-3-submitted.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

test("upload page: a dropped file is validated; no secret asks for one", { skip }, async () => {
  const { page, errors } = await openPage("/addin/taskpane.html");
  await page.waitForSelector("#secret-box:not([hidden])");
  const before = server.requests.filter((r) => r.path === "validate").length;
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "拖入的报表.xlsx"));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop",
      { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, [...XLSX]);
  await page.waitForSelector("#findings:not([hidden])");
  const validates = server.requests.filter((r) => r.path === "validate");
  assert.equal(validates.length, before + 1);
  assert.equal(validates.at(-1).query.filename, "拖入的报表.xlsx");
  assert.equal(validates.at(-1).headers["x-huizong-secret"], undefined);

  await page.click("#submit");
  await page.waitForSelector("#message:not([hidden])");
  assert.match(await page.textContent("#message"), /提交前请先输入学校密钥/);
  await page.fill("#secret", "wrong-secret");
  await page.click("#secret-save");
  await page.waitForFunction(() => /学校密钥无效/.test(document.querySelector("#message").textContent));
  await page.screenshot({ path: join(SHOTS, "upload-4-wrong-secret.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("task pane width, as inside Excel: findings select their cell", { skip }, async () => {
  const { page, errors } = await openPage("/addin/taskpane.html",
    { width: 340, height: 760, excel: true });
  await page.waitForSelector("body[data-mode=excel]");
  assert.equal(await page.textContent("#school-name"), "城关镇第一小学");
  await page.evaluate(() => localStorage.setItem("huizong.secret.3412250001", "k-7788"));
  await page.click("#validate");
  await page.waitForSelector("#findings:not([hidden])");
  await page.click("button[title='跳到 学生资助!C8']");
  await page.waitForFunction(() => window.__selected.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__selected), ["学生资助!C8"]);
  await page.screenshot({ path: join(SHOTS, "excel-pane-findings.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
