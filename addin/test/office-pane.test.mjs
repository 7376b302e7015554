// The pane inside Excel: taskpane.html in jsdom, booted with office-addin-mock's Office and
// Excel, talking to a recorded fake server.
import assert from "node:assert/strict";
import test from "node:test";
import { SECRET_HEADER } from "../src/main/resources/org/huizong/addin/js/api.mjs";
import { boot } from "../src/main/resources/org/huizong/addin/js/main.mjs";
import { fakeFetch } from "../testkit/fake-fetch.mjs";
import { fixture } from "../testkit/fixtures.mjs";
import { excelMock, officeMock } from "../testkit/office-mock.mjs";
import { loadPage, until } from "../testkit/page.mjs";

// The server's answers (server ApiV1, docs/api.md): validate, as the server writes it.
const FINDINGS = fixture("validate-office.json");

const RETURNED = {
  school: { code: "3412250001", name: "城关镇第一小学", type: "小学", township: "城关镇" },
  collection: { id: 1, standard: "edu-halfyear", title: "2024年上半年教育工作半年报表",
    period: "2024H1", deadline: "2024-07-10" },
  status: "returned", statusLabel: "已退回",
  latestVersion: { version: 2, fileName: "城关镇第一小学-2024H1.xlsx",
    uploadedAt: "2024-07-05T02:12:00Z", verdict: "ACCEPTED", errors: 0, warnings: 0 },
  review: { decision: "returned", reason: "学生资助人数与学籍系统不一致，请核对后重新提交。",
    at: "2024-07-06T01:00:00Z" },
};

async function start({ excel = {}, office = {}, routes = {}, storage = [] } = {}) {
  const win = loadPage();
  for (const [k, v] of storage) {
    win.localStorage.setItem(k, v);
  }
  const { Excel, log } = excelMock(excel);
  const { Office, log: officeLog } = officeMock(office);
  const server = fakeFetch({
    "POST validate": () => ({ body: FINDINGS }),
    "GET status": () => ({ body: RETURNED }),
    "POST submit": () => ({ status: 201, body: fixture("submit-office.json") }),
    ...routes,
  });
  const pane = await boot(win, { Office, Excel, fetch: server.fetch });
  const $ = (id) => win.document.getElementById(id);
  return { win, $, pane, log, officeLog, server };
}

test("the pane shows the school and collection read from _meta and F_info_name", async () => {
  const { win, $, log } = await start();

  assert.equal(win.document.body.dataset.mode, "excel");
  assert.equal($("school-name").textContent, "城关镇第一小学");
  assert.equal($("school-code").textContent, "（3412250001）");
  assert.equal($("collection").textContent, "教育工作半年报表");
  assert.equal($("period").textContent, "2024年上半年");
  assert.equal($("picker").hidden, true, "Excel mode has no file picker");
  assert.deepEqual(log.loads, ["worksheets:items/name", "_meta!A1:B20"]);
});

test("a workbook that is not a huizong template disables 校验 and 提交 and says why", async () => {
  const { $ } = await start({ excel: { meta: null } });

  assert.equal($("validate").disabled, true);
  assert.equal($("submit").disabled, true);
  assert.match($("message").textContent, /不是教育局下发的报表模板/);
  assert.equal($("message").hidden, false);
});

test("without a school name the pane still shows the school code", async () => {
  const { $ } = await start({ excel: { schoolName: null } });
  assert.equal($("school-name").textContent, "");
  assert.equal($("school-code").textContent, "3412250001");
});

test("校验 posts the open workbook's bytes and lists findings grouped by sheet", async () => {
  const bytes = new Uint8Array(150000).map((_, i) => (i * 7) % 256);
  bytes[0] = 0x50;
  bytes[1] = 0x4b;
  const { $, win, server, officeLog } = await start({ office: { bytes } });

  $("validate").click();
  await until(() => !$("findings").hidden, "findings");

  const post = server.requests.find((r) => r.path === "validate");
  assert.deepEqual(post.body, bytes, "all three 64 KiB slices, in order");
  assert.equal(post.query.filename, "城关镇第一小学-2024H1.xlsx");
  assert.equal(post.headers[SECRET_HEADER], undefined, "validating needs no secret");
  assert.deepEqual(officeLog.fileCalls, [{ type: "compressed", options: { sliceSize: 65536 } }]);
  assert.equal(officeLog.closed, 1, "the file is closed so the next 校验 can open it");

  assert.equal($("findings-summary").textContent, "校验发现：错误 2 项，警告 1 项");
  const groups = [...win.document.querySelectorAll("#findings-groups > details")];
  assert.deepEqual(groups.map((g) => g.querySelector("summary").textContent),
    ["学校基本情况（1）", "学生资助（2）"], "in the workbook's tab order");
  const aid = [...groups[1].querySelectorAll("li")].map((li) => li.textContent);
  assert.match(aid[0], /^错误C7学生资助!C7 应为整数/);
  assert.match(aid[1], /^警告D20资助学生人数 900 超过在校生 850需要填写说明/);
});

test("clicking a finding selects its cell in the workbook", async () => {
  const { $, win, log } = await start();
  $("validate").click();
  await until(() => !$("findings").hidden, "findings");

  const buttons = win.document.querySelectorAll("#findings-groups button.finding-body");
  buttons[2].click();
  await until(() => log.selected.length === 1, "select");

  assert.deepEqual(log.selected, ["学生资助!D20"]);
  assert.deepEqual(log.activated, ["学生资助"]);
  assert.equal(buttons[2].title, "跳到 学生资助!D20");
});

test("a cell on a renamed sheet gives a message instead of an exception", async () => {
  const { $, pane } = await start();
  await pane.select({ sheet: "不存在的表", a1: "A1" });
  assert.match($("message").textContent, /无法定位到 不存在的表!A1/);
});

test("the secret is asked for once, remembered per school, and 提交 sends it", async () => {
  const { $, win, server } = await start();
  assert.equal($("secret-box").hidden, false, "no secret yet: the box is shown");

  $("submit").click();
  await until(() => !$("message").hidden, "message");
  assert.match($("message").textContent, /提交前请先输入学校密钥/);
  assert.equal(server.requests.filter((r) => r.path === "submit").length, 0);

  $("secret").value = " s3cret-0001 ";
  $("secret-form").dispatchEvent(new win.Event("submit", { cancelable: true }));
  await until(() => !$("status").hidden, "status");
  assert.equal(win.localStorage.getItem("huizong.secret.3412250001"), "s3cret-0001");
  assert.equal($("secret-box").hidden, true);
  assert.equal($("secret").value, "", "the typed secret does not stay in the field");

  $("submit").click();
  await until(() => server.requests.some((r) => r.path === "submit"), "submit");
  await until(() => server.requests.filter((r) => r.path === "status").length === 2, "status");
  const submit = server.requests.find((r) => r.path === "submit");
  assert.equal(submit.headers[SECRET_HEADER], "s3cret-0001");
  assert.equal($("notice").textContent, "已提交第 3 版，请等待教育局审核。");
  assert.equal(submit.query.filename, "城关镇第一小学-2024H1.xlsx");
});

test("a remembered secret is used at once: status with the 退回 reason", async () => {
  const { $, server } = await start({ storage: [["huizong.secret.3412250001", "k-0001"]] });

  assert.equal($("secret-box").hidden, true);
  assert.equal(server.requests[0].headers[SECRET_HEADER], "k-0001");
  assert.equal($("status-label").textContent, "已退回");
  assert.equal($("status-label").dataset.tone, "bad");
  assert.match($("status-version").textContent, /^第 2 版，提交于 2024-07-0\d \d\d:12，截止 2024-07-10$/);
  assert.equal($("status-explain").hidden, true);
  assert.equal($("status-reason").textContent, "退回原因：学生资助人数与学籍系统不一致，请核对后重新提交。");
  assert.equal($("status-reason").hidden, false);
});

test("validating sends the remembered secret so the school's own collection is used", async () => {
  const { $, server } = await start({ storage: [["huizong.secret.3412250001", "k-0001"]] });
  $("validate").click();
  await until(() => server.requests.some((r) => r.path === "validate"), "validate");
  assert.equal(server.requests.find((r) => r.path === "validate").headers[SECRET_HEADER], "k-0001");
});

test("待说明 links to the school's page on the server to write the 说明", async () => {
  const { $ } = await start({
    storage: [["huizong.secret.3412250001", "k-0001"]],
    routes: { "GET status": () => ({ body: { ...RETURNED, status: "pending",
      statusLabel: "待说明", review: null } }) },
  });
  assert.equal($("status-label").textContent, "待说明");
  assert.equal($("status-label").dataset.tone, "warn");
  assert.equal($("status-explain").hidden, false);
  assert.equal($("status-explain").href, "https://huizong.example.edu.cn/s/k-0001");
  assert.equal($("status-reason").hidden, true);
});

test("a refused secret is forgotten and asked for again", async () => {
  const { $, win } = await start({
    storage: [["huizong.secret.3412250001", "old"]],
    routes: { "GET status": () => ({ status: 401, body: { error: "unauthorized" } }) },
  });

  assert.equal(win.localStorage.getItem("huizong.secret.3412250001"), null);
  assert.equal($("secret-box").hidden, false);
  assert.match($("message").textContent, /学校密钥不正确或已停用/);
});

test("a submission refused for errors shows the findings that blocked it", async () => {
  const { $, win } = await start({
    storage: [["huizong.secret.3412250001", "k-0001"]],
    routes: { "POST submit": () => ({ status: 422, body: FINDINGS }) },
  });
  $("submit").click();
  await until(() => !$("findings").hidden && !$("message").hidden, "refusal");

  assert.match($("message").textContent, /报表有错误，未能提交/);
  assert.equal(win.document.querySelectorAll("#findings-groups li").length, 3);
});

test("server errors are shown in Chinese and the buttons come back", async () => {
  const { $ } = await start({
    routes: { "POST validate": () => ({ status: 500, body: "java.lang.NullPointerException" }) },
  });
  $("validate").click();
  await until(() => !$("message").hidden, "message");

  assert.equal($("message").textContent,
    "汇总服务器出错（HTTP 500），请稍后再试；如果一直出错，请联系教育局。");
  assert.equal($("validate").disabled, false);
  assert.equal($("busy").hidden, true);
});

test("a failing getFileAsync is explained", async () => {
  const { $ } = await start({ office: { failWith: "Internal Error" } });
  $("validate").click();
  await until(() => !$("message").hidden, "message");
  assert.match($("message").textContent, /^读取当前工作簿失败：Internal Error。请保存工作簿后重试/);
});

test("outside Excel the same page becomes the upload page", async () => {
  const { win, $ } = await start({ office: { host: "Word" } });
  assert.equal(win.document.body.dataset.mode, "browser");
  assert.equal($("picker").hidden, false);
  assert.equal($("title-mode").textContent, "学校报表上传");
});

test("a secret of another school than the open workbook's is pointed out", async () => {
  const { $ } = await start({
    storage: [["huizong.secret.3412250001", "k-0001"]],
    routes: { "GET status": () => ({ body: { ...RETURNED,
      school: { code: "3412250009", name: "城关镇第九小学" } } }) },
  });
  assert.match($("message").textContent,
    /^这份报表的学校标识码是 3412250001，而保存的密钥属于城关镇第九小学（3412250009）/);
  assert.equal($("school-name").textContent, "城关镇第一小学", "the header stays the workbook's");
});
