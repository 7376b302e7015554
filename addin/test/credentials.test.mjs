import assert from "node:assert/strict";
import test from "node:test";
import {
  ACCESS_ALPHABET, CredentialError, fromStored, parseCredential, storedForm,
} from "../src/main/resources/org/huizong/addin/js/credentials.mjs";
import { SECRET_HEADER, apiBaseFor, createApi } from "../src/main/resources/org/huizong/addin/js/api.mjs";
import { fakeFetch } from "../testkit/fake-fetch.mjs";

const SECRET = "Qm3x_7Kd-9aZbC4eF5gH6iJ7kL8mN9oP0qR1sT2uV3w";
const SCHOOL = "3134000026";

test("an access code alone takes the school code from the workbook", () => {
  assert.deepEqual(parseCredential("abcd-efgh", SCHOOL), { kind: "code", school: SCHOOL, code: "ABCDEFGH" });
  assert.deepEqual(parseCredential(" ABCD EFGH ", SCHOOL).code, "ABCDEFGH");
  assert.throws(() => parseCredential("ABCD-EFGH", ""),
    (e) => e instanceof CredentialError && /学校标识码/.test(e.message));
});

test("the school code may be typed before the access code, with any separator", () => {
  for (const typed of [`${SCHOOL} ABCD-EFGH`, `${SCHOOL}:abcdefgh`, `${SCHOOL}，ＡＢＣＤ－ＥＦＧＨ`]) {
    assert.deepEqual(parseCredential(typed, ""), { kind: "code", school: SCHOOL, code: "ABCDEFGH" },
      typed);
  }
});

test("a slip's QR link gives the school code; the access code follows it", () => {
  const qr = `https://jyj.example.cn/school?code=${SCHOOL}`;
  assert.deepEqual(parseCredential(`${qr} wxyz-2345`, "3134000001"),
    { kind: "code", school: SCHOOL, code: "WXYZ2345" });
  assert.throws(() => parseCredential(qr, ""), (e) => /已识别学校标识码 3134000026/.test(e.message));
});

test("a full school link, the add-in page's ?s= and a bare secret are link secrets", () => {
  for (const typed of [`https://jyj.example.cn/s/${SECRET}`, `http://10.1.2.3:8080/county/s/${SECRET}/`,
    `https://jyj.example.cn/addin/taskpane.html?s=${SECRET}`, SECRET, `  ${SECRET}\n`]) {
    assert.deepEqual(parseCredential(typed, SCHOOL), { kind: "secret", secret: SECRET }, typed);
  }
});

test("look-alike characters and wrong lengths are refused with the rule", () => {
  for (const bad of [`${SCHOOL} ABCD-EFG0`, `${SCHOOL} ABCDEFGHJ`, "ABCD-EFGO", "ab1d-efgh"]) {
    assert.throws(() => parseCredential(bad, SCHOOL),
      (e) => e instanceof CredentialError && /没有 0、1、O、I、L/.test(e.message), bad);
  }
  assert.throws(() => parseCredential("", SCHOOL), /请输入/);
  assert.throws(() => parseCredential("https://jyj.example.cn/collections/1", SCHOOL), /不是汇总服务器的学校链接/);
  assert.equal([...ACCESS_ALPHABET].filter((c) => "01OIL".includes(c)).length, 0);
});

test("credentials are remembered as text and read back", () => {
  const code = { kind: "code", school: SCHOOL, code: "ABCDEFGH" };
  assert.equal(storedForm(code), `code:${SCHOOL}:ABCDEFGH`);
  assert.deepEqual(fromStored(storedForm(code)), code);
  assert.deepEqual(fromStored(SECRET), { kind: "secret", secret: SECRET }, "older stored secrets");
});

test("a remembered access code is exchanged for a session once, renewed when it expires", async () => {
  let sessions = 0;
  let expired = false;
  const { fetch, requests } = fakeFetch({
    "POST session": () => ({ body: { secret: `session-${++sessions}` } }),
    "GET status": (r) => (expired && r.headers[SECRET_HEADER] === "session-1"
      ? { status: 401, body: { error: "学校密钥无效或已作废" } }
      : { body: { status: "未报" } }),
  });
  const api = createApi(apiBaseFor("https://jyj.example.cn/addin/taskpane.html"), fetch);
  const stored = `code:${SCHOOL}:ABCDEFGH`;
  await api.status(stored);
  await api.status(stored);
  expired = true;
  await api.status(stored);
  assert.deepEqual(requests.map((r) => [r.method, r.path, r.headers[SECRET_HEADER] ?? r.body]), [
    ["POST", "session", `school=${SCHOOL}&code=ABCDEFGH`],
    ["GET", "status", "session-1"],
    ["GET", "status", "session-1"],
    ["GET", "status", "session-1"],
    ["POST", "session", `school=${SCHOOL}&code=ABCDEFGH`],
    ["GET", "status", "session-2"],
  ]);
  const refused = fakeFetch({ "POST session": () => ({ status: 401, body: { error: "学校标识码或访问码不正确" } }) });
  await assert.rejects(createApi(apiBaseFor("https://jyj.example.cn/addin/x.html"), refused.fetch)
    .status(stored), (e) => e.status === 401 && /访问码不正确/.test(e.message));
});
