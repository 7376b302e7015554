import assert from "node:assert/strict";
import test from "node:test";
import {
  collectFindings, countBySeverity, groupBySheet, parseCellRef, summaryText,
} from "../src/main/resources/org/huizong/addin/js/findings.mjs";
import { fixture } from "../testkit/fixtures.mjs";

// What `huizong validate --format json` prints for one file with findings on three sheets.
const answer = fixture("cli-report.json");

test("parses the engine's cell references and Excel's quoted ones", () => {
  assert.deepEqual(parseCellRef("学生资助!D7"), { sheet: "学生资助", a1: "D7", row: 7, column: 4 });
  assert.deepEqual(parseCellRef("'It''s a sheet'!$AB$12"),
    { sheet: "It's a sheet", a1: "AB12", row: 12, column: 28 });
  assert.equal(parseCellRef("项目建设!B5:H5").a1, "B5");
  assert.equal(parseCellRef("D7"), null);
  assert.equal(parseCellRef("学生资助!"), null);
  assert.equal(parseCellRef(null), null);
});

test("groups findings by sheet in workbook tab order, whole-return findings first", () => {
  const groups = groupBySheet(collectFindings(answer), ["学校基本情况", "招生与考试", "学生资助"]);

  assert.deepEqual(groups.map((g) => g.sheet), [null, "学校基本情况", "学生资助"]);
  const aid = groups[2];
  // errors before warnings, then by row and column
  assert.deepEqual(aid.findings.map((f) => f.cell.a1), ["C7", "C9", "D20"]);
  assert.deepEqual(aid.counts, { error: 2, warning: 1, notice: 0, total: 3 });
  assert.equal(aid.findings[1].cells.length, 2, "every cell of a finding is kept");
  assert.equal(groups[0].findings[0].file, "城关镇第一小学-2024H1.xlsx");
});

test("sheets missing from the tab order follow in the order they first appear", () => {
  const groups = groupBySheet(collectFindings(answer), []);
  assert.deepEqual(groups.map((g) => g.sheet), [null, "学生资助", "学校基本情况"]);
});

test("counts and the summary line speak Chinese", () => {
  const counts = countBySeverity(collectFindings(answer));
  assert.deepEqual(counts, { error: 3, warning: 1, notice: 1, total: 5 });
  assert.equal(summaryText(counts), "错误 3 项，警告 1 项，提示 1 项");
  assert.equal(summaryText(countBySeverity([])), "未发现问题");
});

test("an odd answer does not break the pane", () => {
  assert.deepEqual(collectFindings({}), []);
  const [f] = collectFindings({ files: [{ findings: [{ severity: "fatal", cells: ["??"] }] }] });
  assert.equal(f.severity, "notice");
  assert.equal(f.cell, null);
  assert.deepEqual(f.places, ["??"]);
});
