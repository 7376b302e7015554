// Findings from the server's validate and submit answers, grouped and sorted for the pane.
// Pure functions: no DOM, no Office. One shape is read, the findings report's
// (docs/findings-json.md, written by the engine's FindingReport): an answer's "files" array,
//   {"files":[{"file","school","period","errors",...,"findings":[F...]}], ...}
// as `huizong validate --format json` prints it and every /api/v1/ answer with findings carries
// it, with each finding F {"rule", "severity" (error|warning|notice), "message", "fields",
// "cells":["学生资助!D7"], "explanation"}.

/** Severity ids in the order a clerk should deal with them. */
export const SEVERITIES = Object.freeze(["error", "warning", "notice"]);

/** What the pane calls each severity. */
export const SEVERITY_LABELS = Object.freeze({ error: "错误", warning: "警告", notice: "提示" });

// sheet (quoted or not) ! first cell [: last cell], absolute markers allowed
const CELL = new RegExp("^(?:'((?:[^']|'')+)'|([^!]+))!"
  + "\\$?([A-Za-z]{1,3})\\$?(\\d{1,7})(?::\\$?[A-Za-z]{1,3}\\$?\\d{1,7})?$");

/**
 * Parses a cell reference as the engine prints it, `学生资助!D7`; also accepts Excel's quoted
 * form `'My sheet'!$D$7` and a range `学生资助!D7:E9` (its first cell is taken).
 *
 * @returns {{sheet: string, a1: string, row: number, column: number} | null} row and column
 *     are one-based; null when `ref` is not a cell reference
 */
export function parseCellRef(ref) {
  if (typeof ref !== "string") {
    return null;
  }
  const m = CELL.exec(ref.trim());
  if (!m) {
    return null;
  }
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2].trim();
  const letters = m[3].toUpperCase();
  let column = 0;
  for (const ch of letters) {
    column = column * 26 + (ch.charCodeAt(0) - 64);
  }
  return { sheet, a1: letters + m[4], row: Number(m[4]), column };
}

/** The files of an answer: [{file, school, period, ..., findings}]; none when it has none. */
export function answerFiles(answer) {
  return Array.isArray(answer?.files) ? answer.files : [];
}

/** Every finding of every file in a validate or submit answer, each with its file's name. */
export function collectFindings(answer) {
  const files = answerFiles(answer);
  const out = [];
  for (const file of files) {
    for (const f of Array.isArray(file?.findings) ? file.findings : []) {
      out.push(normalizeFinding(f, file.file));
    }
  }
  return out;
}

/**
 * One finding in the shape the pane renders: severity always one of SEVERITIES, cells parsed
 * (unparseable references kept as text in `places`), `cell` the first parsed cell or null.
 */
export function normalizeFinding(f, file) {
  const given = String(f?.severity ?? "");
  const severity = SEVERITIES.includes(given) ? given : "notice";
  const places = Array.isArray(f?.cells) ? f.cells.map(String) : [];
  const cells = places.map(parseCellRef).filter((c) => c !== null);
  const explanation = typeof f?.explanation === "string" && f.explanation.trim() !== ""
    ? f.explanation.trim() : null;
  return {
    rule: String(f?.rule ?? ""),
    severity,
    message: String(f?.message ?? ""),
    fields: (Array.isArray(f?.fields) ? f.fields : []).map(String),
    places,
    cells,
    cell: cells.length > 0 ? cells[0] : null,
    explanation,
    file: file ?? null,
  };
}

/** Counts by severity: {error, warning, notice, total}. */
export function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0, total: findings.length };
  for (const f of findings) {
    counts[f.severity] += 1;
  }
  return counts;
}

/**
 * Groups findings by the sheet of their first cell.
 *
 * @param findings normalized findings (see normalizeFinding)
 * @param sheetOrder the workbook's sheet names in tab order, when known; sheets not in it follow
 *     in the order they first appear
 * @returns {{sheet: string|null, findings: object[], counts: object}[]} the group with sheet
 *     null (findings about the whole return, without a cell) first, then sheets in order;
 *     inside a group errors before warnings before notices, then by row and column
 */
export function groupBySheet(findings, sheetOrder = []) {
  const groups = new Map();
  for (const f of findings) {
    const sheet = f.cell ? f.cell.sheet : null;
    if (!groups.has(sheet)) {
      groups.set(sheet, []);
    }
    groups.get(sheet).push(f);
  }
  const firstSeen = [...groups.keys()];
  const rank = (sheet) => {
    if (sheet === null) {
      return -1;
    }
    const i = sheetOrder.indexOf(sheet);
    return i >= 0 ? i : sheetOrder.length + firstSeen.indexOf(sheet);
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([sheet, list]) => ({
      sheet,
      findings: [...list].sort(compareFindings),
      counts: countBySeverity(list),
    }));
}

function compareFindings(a, b) {
  const bySeverity = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (bySeverity !== 0) {
    return bySeverity;
  }
  const ra = a.cell ? a.cell.row : 0;
  const rb = b.cell ? b.cell.row : 0;
  if (ra !== rb) {
    return ra - rb;
  }
  return (a.cell ? a.cell.column : 0) - (b.cell ? b.cell.column : 0);
}

/** The one-line summary above the list: `错误 2 项，警告 1 项` or `未发现问题`. */
export function summaryText(counts) {
  if (counts.total === 0) {
    return "未发现问题";
  }
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${SEVERITY_LABELS[s]} ${counts[s]} 项`)
    .join("，");
}
