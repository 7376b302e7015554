// A stand-in for the `wps` object WPS 表格 injects into add-in pages: the Excel-like object
// model (1-based Item, Cells.Item(row, column).Text) and the add-in API the pane uses
// (EtApplication, Env.GetTempPath, FileSystem). No WPS runs here; docs/wps.md says what is
// unverified. Records what the pane did in `log`.
import { META_ROWS, SHEETS } from "./office-mock.mjs";

/**
 * @param bytes what a saved copy of the workbook holds
 * @param saveCopyFails make SaveCopyAs throw, as an old WPS might
 * @param saved whether the workbook has no unsaved edits
 */
export function wpsFake({ bytes = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), meta = META_ROWS,
  saveCopyFails = false, saved = true, schoolName = "城关镇第一小学" } = {}) {
  const log = { savedCopies: [], read: [], removed: [], activated: [], selected: [] };
  const files = new Map([["D:/报表/城关镇第一小学-2024H1.xlsx", bytes]]);
  const names = meta ? [...SHEETS, "_meta"] : [...SHEETS];
  const sheet = (name) => ({
    Name: name,
    Cells: {
      Item: (r, c) => ({ Text: name === "_meta" && meta[r - 1] ? String(meta[r - 1][c - 1]) : "" }),
    },
    Activate: () => log.activated.push(name),
    Range: (a1) => ({ Select: () => log.selected.push(`${name}!${a1}`) }),
  });
  const workbook = {
    Name: "城关镇第一小学-2024H1.xlsx",
    FullName: "D:/报表/城关镇第一小学-2024H1.xlsx",
    Saved: saved,
    Worksheets: {
      Count: names.length,
      Item(key) {
        const name = typeof key === "number" ? names[key - 1] : key;
        if (!names.includes(name)) {
          throw new Error(`下标越界: ${key}`);
        }
        return sheet(name);
      },
    },
    Names: {
      Item(name) {
        if (name !== "F_info_name" || schoolName === null) {
          throw new Error(`名称不存在: ${name}`);
        }
        return { RefersToRange: { Text: schoolName } };
      },
    },
    SaveCopyAs(path) {
      if (saveCopyFails) {
        throw new Error("SaveCopyAs 不可用");
      }
      log.savedCopies.push(path);
      files.set(path, bytes);
    },
  };
  const wps = {
    EtApplication: () => ({ ActiveWorkbook: workbook }),
    Env: { GetTempPath: () => "C:\\Users\\school\\AppData\\Local\\Temp\\" },
    FileSystem: {
      ReadFileAsArrayBuffer(path) {
        log.read.push(path);
        if (!files.has(path)) {
          throw new Error(`文件不存在: ${path}`);
        }
        return files.get(path).slice().buffer;
      },
      Remove(path) {
        log.removed.push(path);
        files.delete(path);
      },
    },
  };
  return { wps, log };
}
