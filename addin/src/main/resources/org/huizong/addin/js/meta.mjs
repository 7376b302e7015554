// The hidden `_meta` sheet of a huizong template: key/value rows in columns A and B, written by
// the engine's org.huizong.engine.io.MetaSheet (collection, version, period, unit, structureHash,
// kind, generator). Pure functions: no DOM, no Office.

/** The sheet's name and the range the pane reads (room for keys added later). */
export const META_SHEET = "_meta";
export const META_RANGE = "A1:B20";

/** The defined name of the school-name cell (field info.name). */
export const SCHOOL_NAME = "F_info_name";

/** Collection ids the pane knows a title for; others are shown by id. */
const COLLECTION_TITLES = Object.freeze({ "edu-halfyear": "教育工作半年报表" });

/** Thrown when a workbook's `_meta` is missing or unusable; the message is for the clerk. */
export class MetaError extends Error {
  constructor(message) {
    super(message);
    this.name = "MetaError";
  }
}

/**
 * Reads the key/value rows.
 *
 * @param values the range's values, rows of [key, value]; numbers as Excel gives them
 * @returns {{collection: string, version: string, period: string, unit: string, kind: string,
 *     structureHash: string, entries: Object<string,string>}}
 * @throws MetaError when `collection` or `unit` is missing
 */
export function parseMeta(values) {
  const entries = {};
  for (const row of Array.isArray(values) ? values : []) {
    const key = cellText(row?.[0]);
    if (key !== "" && !(key in entries)) {
      entries[key] = cellText(row?.[1]);
    }
  }
  for (const key of ["collection", "unit"]) {
    if (!entries[key]) {
      throw new MetaError(`当前工作簿的模板标识信息（${META_SHEET} 工作表）缺少“${key}”，`
        + "请使用教育局下发的原模板填写。");
    }
  }
  return {
    collection: entries.collection,
    version: entries.version ?? "",
    period: entries.period ?? "",
    unit: entries.unit,
    kind: entries.kind || "return",
    structureHash: entries.structureHash ?? entries.hash ?? "",
    entries,
  };
}

function cellText(v) {
  if (v === null || v === undefined) {
    return "";
  }
  // Excel hands whole numbers back as numbers; unit codes are text in the template, but a
  // retyped one may come back as 1234567890.
  return String(v).trim();
}

/** The refusal for a workbook without `_meta`: not a template the bureau sent. */
export function notATemplate() {
  return new MetaError("当前工作簿不是教育局下发的报表模板（没有模板标识信息），"
    + "请打开教育局下发的本校报表后再点“校验与提交”。");
}

/** `2024H1` as `2024年上半年`; anything else unchanged. */
export function periodLabel(period) {
  const m = /^(\d{4})H([12])$/.exec(String(period ?? "").trim());
  if (!m) {
    return String(period ?? "");
  }
  return `${m[1]}年${m[2] === "1" ? "上半年" : "下半年"}`;
}

/** The collection's title, or its id when the pane does not know it. */
export function collectionTitle(collection) {
  return COLLECTION_TITLES[collection] ?? String(collection ?? "");
}
