// The pane's host inside Excel (on the web, Windows, Mac): reads the open workbook through
// Office.js. Every call goes through the `Office` and `Excel` objects passed in, so node tests
// run it against office-addin-mock.
import { HostError } from "./host-error.mjs";
import { META_RANGE, META_SHEET, SCHOOL_NAME, notATemplate, parseMeta } from "./meta.mjs";

/** Slice size for getFileAsync: 64 KiB, well under the 4 MiB limit of every platform. */
export const SLICE_SIZE = 65536;


/**
 * @param Office the Office namespace (office.js), after Office.onReady
 * @param Excel the Excel namespace
 */
export function createOfficeHost(Office, Excel) {
  return {
    kind: "excel",
    /** Findings can select their cell in the open workbook. */
    canSelect: true,
    /** Prefix for localStorage keys, so that partitioned contexts stay apart. */
    storagePrefix: Office?.context?.partitionKey ?? "",
    readWorkbook: () => readWorkbook(Excel),
    workbookFile: () => workbookFile(Office),
    selectCell: (sheet, a1) => selectCell(Excel, sheet, a1),
  };
}

/**
 * The open workbook's `_meta`, school name and sheet names.
 *
 * @returns {Promise<{meta: object, schoolName: string, sheets: string[]}>} sheets in tab order,
 *     without `_meta`
 * @throws MetaError when the workbook is not a huizong template
 */
async function readWorkbook(Excel) {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const sheets = worksheets.items.map((s) => s.name);
    if (!sheets.includes(META_SHEET)) {
      throw notATemplate();
    }
    const range = worksheets.getItem(META_SHEET).getRange(META_RANGE);
    range.load("values");
    await context.sync();
    const meta = parseMeta(range.values);
    const schoolName = await readSchoolName(context);
    return { meta, schoolName, sheets: sheets.filter((s) => s !== META_SHEET) };
  });
}

async function readSchoolName(context) {
  try {
    const range = context.workbook.names.getItem(SCHOOL_NAME).getRange();
    range.load("values");
    await context.sync();
    return String(range.values?.[0]?.[0] ?? "").trim();
  } catch (e) {
    // NamedItem.getRange needs ExcelApi 1.4 (not in Excel 2016 MSI), or the name was deleted:
    // the pane then shows the school code alone.
    return "";
  }
}

/**
 * The whole open workbook as .xlsx bytes, unsaved edits included, through getFileAsync.
 *
 * @returns {Promise<{bytes: Uint8Array, name: string}>}
 */
async function workbookFile(Office) {
  const file = await officeAsync((cb) => Office.context.document.getFileAsync(
    Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, cb), Office, "读取当前工作簿");
  try {
    const parts = [];
    let size = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await officeAsync((cb) => file.getSliceAsync(i, cb), Office, "读取当前工作簿");
      const part = sliceBytes(slice.data);
      parts.push(part);
      size += part.length;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return { bytes, name: fileName(Office.context.document.url) };
  } finally {
    // Office allows one open file at a time: an unclosed one makes the next 校验 fail.
    await new Promise((resolve) => file.closeAsync(() => resolve()));
  }
}

/** A slice's data: an array of byte values on every platform; base64 text is accepted too. */
export function sliceBytes(data) {
  if (data instanceof Uint8Array) {
    return data;
  }
  if (typeof data === "string") {
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  }
  return Uint8Array.from(data ?? []);
}

/** The workbook's file name from Office.context.document.url (a path or a URL), or a default. */
export function fileName(url) {
  const last = String(url ?? "").split(/[\\/]/).pop().split(/[?#]/)[0];
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch (e) {
    // Not percent-encoded after all: keep it as it is.
  }
  return /\.xls[xm]$/i.test(name) ? name : "当前工作簿.xlsx";
}

function officeAsync(start, Office, what) {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
      } else {
        const detail = result.error?.message ?? "";
        reject(new HostError(`${what}失败${detail ? `：${detail}` : ""}。`
          + "请保存工作簿后重试；如果仍然失败，请改用浏览器上传页上传文件。", result.error));
      }
    });
  });
}

async function selectCell(Excel, sheet, a1) {
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(a1).select();
      await context.sync();
    });
  } catch (e) {
    throw new HostError(`无法定位到 ${sheet}!${a1}：工作表“${sheet}”可能已被改名或删除。`, e);
  }
}
