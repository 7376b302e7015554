import assert from "node:assert/strict";
import test from "node:test";
import { readStatus } from "../src/main/resources/org/huizong/addin/js/status.mjs";

test("a returned submission carries its reason", () => {
  const s = readStatus({ school: { code: "3412250001", name: "城关镇第一小学" },
    collection: "edu-halfyear", period: "2024H1", status: "已退回", latestVersion: 2,
    returnReason: "学生资助表人数与学籍系统不符，请核对后重报" });
  assert.equal(s.status, "已退回");
  assert.equal(s.tone, "bad");
  assert.equal(s.schoolName, "城关镇第一小学");
  assert.equal(s.schoolCode, "3412250001");
  assert.equal(s.version, "2");
  assert.equal(s.reason, "学生资助表人数与学籍系统不符，请核对后重报");
});

test("flat and nested answers read the same; an old reason is dropped once accepted", () => {
  const nested = readStatus({ school: "城关镇第一小学", status: "已通过",
    submission: { version: 3, submittedAt: "2024-07-05 10:12", reason: "旧的退回原因" } });
  assert.equal(nested.status, "已通过");
  assert.equal(nested.tone, "good");
  assert.equal(nested.version, "3");
  assert.equal(nested.submittedAt, "2024-07-05 10:12");
  assert.equal(nested.reason, "");
  assert.equal(readStatus({ status: "returned", reason: "缺公章" }).status, "已退回");
  assert.equal(readStatus(null).status, "");
});
