// The pane's host inside WPS 表格 (ET), as a WPS 加载项 task pane (docs/wps.md). WPS exposes
// the Excel-like object model on the injected `wps` object; the workbook's bytes come from a
// copy saved to the temp folder and read back with wps.FileSystem.ReadFileAsArrayBuffer, since
// a WPS page cannot fetch file:// URLs. Everything goes through the `wps` object passed in.
import { HostError } from "./host-error.mjs";
import { META_SHEET, SCHOOL_NAME, notATemplate, parseMeta } from "./meta.mjs";

/** Rows of `_meta` read, as META_RANGE (A1:B20) in Office.js. */
const META_ROWS = 20;

/** Whether the page runs inside WPS 表格 with the add-in API. */
export function isWpsSpreadsheet(wps) {
  return Boolean(wps && typeof wps.EtApplication === "function");
}

/** @param wps the `wps` object WPS injects into add-in pages */
export function createWpsHost(wps) {
  const app = () => wps.EtApplication();
  return {
    kind: "wps",
    canSelect: true,
    storagePrefix: "",
    readWorkbook: async () => readWorkbook(app()),
    workbookFile: async () => workbookFile(wps, app()),
    selectCell: async (sheet, a1) => selectCell(app(), sheet, a1),
  };
}

function activeWorkbook(app) {
  const wb = app.ActiveWorkbook;
  if (!wb) {
    throw new HostError("请先在 WPS 表格中打开本校的报表。");
  }
  return wb;
}

async function readWorkbook(app) {
  const wb = activeWorkbook(app);
  const sheets = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) {
    sheets.push(String(wb.Worksheets.Item(i).Name));
  }
  if (!sheets.includes(META_SHEET)) {
    throw notATemplate();
  }
  const metaSheet = wb.Worksheets.Item(META_SHEET);
  const rows = [];
  for (let r = 1; r <= META_ROWS; r++) {
    rows.push([metaSheet.Cells.Item(r, 1).Text, metaSheet.Cells.Item(r, 2).Text]);
  }
  let schoolName = "";
  try {
    schoolName = String(wb.Names.Item(SCHOOL_NAME).RefersToRange.Text ?? "").trim();
  } catch (e) {
    // A deleted name leaves the school code alone in the header.
  }
  return { meta: parseMeta(rows), schoolName, sheets: sheets.filter((s) => s !== META_SHEET) };
}

/**
 * The workbook as it is open, unsaved edits included: SaveCopyAs to the temp folder leaves the
 * clerk's own file and its saved state alone. Where SaveCopyAs fails, the saved file is read if
 * there are no unsaved edits.
 */
async function workbookFile(wps, app) {
  const wb = activeWorkbook(app);
  const name = String(wb.Name ?? "");
  const temp = `${String(wps.Env.GetTempPath()).replace(/[\\/]+$/, "")}/huizong-${Date.now()}.xlsx`;
  let path = temp;
  try {
    wb.SaveCopyAs(temp);
  } catch (e) {
    if (!wb.Saved || !wb.FullName) {
      throw new HostError("无法读取当前工作簿：请先保存（Ctrl+S）后再校验或提交。", e);
    }
    path = String(wb.FullName);
  }
  try {
    const buffer = wps.FileSystem.ReadFileAsArrayBuffer(path);
    return { bytes: new Uint8Array(buffer), name: /\.xls[xm]$/i.test(name) ? name : "当前工作簿.xlsx" };
  } catch (e) {
    throw new HostError(`读取当前工作簿失败：${e.message ?? e}。请保存后改用浏览器上传页上传。`, e);
  } finally {
    if (path === temp) {
      try {
        wps.FileSystem.Remove(temp);
      } catch (e) {
        // A leftover copy in the temp folder does no harm.
      }
    }
  }
}

async function selectCell(app, sheet, a1) {
  try {
    const ws = activeWorkbook(app).Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(a1).Select();
  } catch (e) {
    throw new HostError(`无法定位到 ${sheet}!${a1}：工作表“${sheet}”可能已被改名或删除。`, e);
  }
}
