import assert from "node:assert/strict";
import test from "node:test";
import { localTime, readStatus } from "../src/main/resources/org/huizong/addin/js/status.mjs";

const utc = (iso) => iso.replace("T", " ").slice(0, 16);

test("the server's status answer: returned, with the review's reason", () => {
  const s = readStatus({
    school: { code: "3412250001", name: "城关镇第一小学", type: "小学", township: "城关镇" },
    collection: { id: 1, standard: "edu-halfyear", title: "2024年上半年教育工作半年报表",
      period: "2024H1", deadline: "2024-07-10" },
    status: "returned", statusLabel: "已退回",
    latestVersion: { version: 2, fileName: "a.xlsx", uploadedAt: "2024-07-05T02:12:00Z" },
    review: { decision: "returned", reason: "学生资助表人数与学籍系统不符，请核对后重报" },
  }, utc);
  assert.deepEqual(s, {
    status: "已退回", tone: "bad", schoolName: "城关镇第一小学", schoolCode: "3412250001",
    collection: "edu-halfyear", collectionTitle: "2024年上半年教育工作半年报表",
    period: "2024H1", deadline: "2024-07-10", version: "2", submittedAt: "2024-07-05 02:12",
    reason: "学生资助表人数与学籍系统不符，请核对后重报",
  });
});

test("a submit answer; keys without labels; an old reason is not shown once approved", () => {
  const submitted = readStatus({ school: { code: "1", name: "甲校" }, version: 3,
    uploadedAt: "2024-07-05T02:12:00Z", status: "pending" }, utc);
  assert.equal(submitted.status, "待说明");
  assert.equal(submitted.tone, "warn");
  assert.equal(submitted.version, "3");
  assert.equal(submitted.submittedAt, "2024-07-05 02:12");
  const approved = readStatus({ status: "approved", statusLabel: "已通过",
    review: { decision: "approved", reason: "旧的退回原因" } });
  assert.equal(approved.tone, "good");
  assert.equal(approved.reason, "");
  assert.equal(readStatus(null).status, "");
  assert.equal(readStatus({ status: "none" }).status, "未报");
});

test("times are shown in local time; odd text is kept", () => {
  assert.match(localTime("2024-07-05T02:12:00Z"), /^2024-07-0[45] \d\d:\d2$/);
  assert.equal(localTime("昨天"), "昨天");
});
