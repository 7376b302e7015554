import assert from "node:assert/strict";
import test from "node:test";
import {
  ApiError, SECRET_HEADER, XLSX_TYPE, apiBaseFor, checkedSecret, createApi,
} from "../src/main/resources/org/huizong/addin/js/api.mjs";
import { fakeFetch } from "../testkit/fake-fetch.mjs";

const BASE = apiBaseFor("https://huizong.example.edu.cn/county/addin/taskpane.html?x=1");

test("the API lives beside the add-in folder, behind any path prefix", () => {
  assert.equal(BASE, "https://huizong.example.edu.cn/county/api/v1/");
});

test("validate posts the workbook bytes with the file name and no secret", async () => {
  const { fetch, requests } = fakeFetch({ "POST validate": () => ({ body: { files: [] } }) });
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);

  assert.deepEqual(await createApi(BASE, fetch).validate(bytes, "城关一小.xlsx"), { files: [] });
  const [r] = requests;
  assert.equal(r.url, "https://huizong.example.edu.cn/county/api/v1/validate?filename="
    + encodeURIComponent("城关一小.xlsx"));
  assert.equal(r.headers["Content-Type"], XLSX_TYPE);
  assert.equal(r.body, bytes);
  assert.equal(r.headers[SECRET_HEADER], undefined);
});

test("validate sends the secret only when one is given", async () => {
  const { fetch, requests } = fakeFetch({ "POST validate": () => ({ body: { findings: [] } }) });
  await createApi(BASE, fetch).validate(new Uint8Array([1]), "a.xlsx", "k-1");
  assert.equal(requests[0].headers[SECRET_HEADER], "k-1");
});

test("submit and status send the secret header", async () => {
  const { fetch, requests } = fakeFetch({
    "POST submit": () => ({ body: { status: "已提交" } }),
    "GET status": () => ({ body: { status: "已提交" } }),
  });
  const api = createApi(BASE, fetch);
  await api.submit(new Uint8Array([1]), "a.xlsx", "  k3y-ABC ");
  await api.status("k3y-ABC");
  assert.deepEqual(requests.map((r) => [r.method, r.path, r.headers[SECRET_HEADER]]),
    [["POST", "submit", "k3y-ABC"], ["GET", "status", "k3y-ABC"]]);
});

test("a secret that cannot go into a header is refused before any request", async () => {
  const { fetch, requests } = fakeFetch({});
  await assert.rejects(createApi(BASE, fetch).status("ｋｅｙ１２３"),
    (e) => e instanceof ApiError && e.message.includes("全角"));
  assert.throws(() => checkedSecret(""), /请先输入学校密钥/);
  assert.equal(requests.length, 0);
});

test("server errors are shown in Chinese: the server's own message first", async () => {
  const { fetch } = fakeFetch({
    "GET status": () => ({ status: 403, body: { error: "forbidden" } }),
    "POST validate": () => ({ status: 400, body: { error: "文件 a.xlsx 不是本期报表模板" } }),
    "POST submit": () => ({ status: 503, body: "<html>Service Unavailable</html>" }),
  });
  const api = createApi(BASE, fetch);
  await assert.rejects(api.status("k"), (e) => e.status === 403 && /学校密钥不正确/.test(e.message));
  await assert.rejects(api.validate(new Uint8Array(), "a.xlsx"),
    (e) => e.message === "文件 a.xlsx 不是本期报表模板");
  await assert.rejects(api.submit(new Uint8Array(), "a.xlsx", "k"),
    (e) => e.status === 503 && /汇总服务器出错（HTTP 503）/.test(e.message));
});

test("an unreachable server and a non-JSON answer are explained", async () => {
  const down = createApi(BASE, async () => {
    throw new TypeError("Failed to fetch");
  });
  await assert.rejects(down.status("k"), (e) => e.status === 0
    && e.message.includes("无法连接汇总服务器（https://huizong.example.edu.cn）"));
  const { fetch } = fakeFetch({ "GET status": () => ({ body: "<html>login</html>" }) });
  await assert.rejects(createApi(BASE, fetch).status("k"), /服务器的回答无法识别/);
});
