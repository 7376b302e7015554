import assert from "node:assert/strict";
import test from "node:test";
import {
  MetaError, collectionTitle, parseMeta, periodLabel,
} from "../src/main/resources/org/huizong/addin/js/meta.mjs";

test("reads the key/value rows MetaSheet writes", () => {
  const meta = parseMeta([
    ["collection", "edu-halfyear"], ["version", 1], ["period", "2024H1"],
    ["unit", 3412250001], ["structureHash", "9f2c4e"], ["kind", "return"], ["", ""], [null, null],
  ]);
  assert.equal(meta.collection, "edu-halfyear");
  assert.equal(meta.version, "1");
  assert.equal(meta.unit, "3412250001", "a unit code Excel hands back as a number is text again");
  assert.equal(meta.structureHash, "9f2c4e");
  assert.equal(meta.kind, "return");
});

test("a workbook without collection or unit is refused in Chinese", () => {
  assert.throws(() => parseMeta([["collection", "edu-halfyear"]]),
    (e) => e instanceof MetaError && e.message.includes("缺少“unit”"));
  assert.throws(() => parseMeta([]),
    (e) => e instanceof MetaError && e.message.includes("collection"));
});

test("periods and collections have Chinese labels", () => {
  assert.equal(periodLabel("2024H1"), "2024年上半年");
  assert.equal(periodLabel("2025H2"), "2025年下半年");
  assert.equal(periodLabel("2024Q1"), "2024Q1");
  assert.equal(collectionTitle("edu-halfyear"), "教育工作半年报表");
  assert.equal(collectionTitle("other"), "other");
});
