// Office and Excel for node tests, built on office-addin-mock. The Excel object model (load and
// context.sync) is mocked as the library does for Excel; the common API under Office.context
// needs neither, which the library models as its Outlook host, so the Office object uses that.
import { OfficeMockObject } from "office-addin-mock";

/** The rows TemplateWriter's _meta sheet holds (org.huizong.engine.io.MetaSheet). */
export const META_ROWS = [
  ["collection", "edu-halfyear"],
  ["version", "1"],
  ["period", "2024H1"],
  ["unit", "3412250001"],
  ["structureHash", "9f2c4e"],
  ["kind", "return"],
  ["generator", "huizong"],
  ["", ""],
];

export const SHEETS = ["学校基本情况", "招生与考试", "学生资助", "课后服务", "师资队伍",
  "教育教学与教研", "项目建设", "安全工作", "经费保障"];

/**
 * @param meta the _meta rows, or null for a workbook without _meta
 * @param schoolName the F_info_name cell, or null when the name is missing
 * @param sheets the visible sheets in tab order
 * @returns {{Excel: object, log: {loads: string[], activated: string[], selected: string[]}}}
 */
export function excelMock({ meta = META_ROWS, schoolName = "城关镇第一小学", sheets = SHEETS } = {}) {
  const log = { loads: [], activated: [], selected: [] };
  const names = meta ? [...sheets, "_meta"] : [...sheets];
  const byName = {};
  for (const name of names) {
    byName[name] = sheetData(name, name === "_meta" ? meta : null, log);
  }
  const data = {
    context: {
      workbook: {
        worksheets: {
          byName,
          // office-addin-mock cannot load a navigation path into an array ("items/name"), so
          // the collection's load is written out: it records what was asked and fills items.
          load(properties) {
            log.loads.push(`worksheets:${properties}`);
            this.items = names.map((name) => ({ name }));
            return this;
          },
          getItem(name) {
            if (!this.byName[name]) {
              throw itemNotFound(name);
            }
            return this.byName[name];
          },
        },
        names: {
          items: schoolName === null ? {} : { F_info_name: { range: { values: [[schoolName]] },
            getRange() {
              return this.range;
            } } },
          getItem(name) {
            if (!this.items[name]) {
              throw itemNotFound(name);
            }
            return this.items[name];
          },
        },
      },
    },
    async run(callback) {
      return callback(this.context);
    },
  };
  return { Excel: new OfficeMockObject(data), log };
}

function sheetData(name, metaRows, log) {
  return {
    range: { values: metaRows ?? [] },
    getRange(address) {
      if (metaRows) {
        log.loads.push(`${name}!${address}`);
        return this.range;
      }
      return {
        select() {
          log.selected.push(`${name}!${address}`);
        },
      };
    },
    activate() {
      log.activated.push(name);
    },
  };
}

function itemNotFound(name) {
  const e = new Error(`The requested resource doesn't exist: ${name}`);
  e.code = "ItemNotFound";
  return e;
}

/**
 * @param bytes what getFileAsync hands out, in slices of `sliceSize`
 * @param url Office.context.document.url
 * @param failWith an error message to make getFileAsync fail with
 * @returns {{Office: object, log: {fileCalls: object[], closed: number}}}
 */
export function officeMock({ bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
  url = "C:\\Users\\school\\Documents\\城关镇第一小学-2024H1.xlsx", failWith = null,
  host = "Excel" } = {}) {
  const log = { fileCalls: [], closed: 0 };
  const data = {
    HostType: { Excel: "Excel", Word: "Word" },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    async onReady() {
      return { host, platform: "PC" };
    },
    context: {
      document: {
        url,
        getFileAsync(type, options, callback) {
          log.fileCalls.push({ type, options });
          if (failWith) {
            callback({ status: "failed", error: { code: 5001, message: failWith } });
            return;
          }
          const size = options.sliceSize;
          const slices = [];
          for (let at = 0; at < bytes.length; at += size) {
            // Office hands slices out as plain arrays of byte values.
            slices.push(Array.from(bytes.subarray(at, at + size)));
          }
          callback({
            status: "succeeded",
            value: {
              size: bytes.length,
              sliceCount: slices.length,
              getSliceAsync(i, cb) {
                const slice = { index: i, data: slices[i], size: slices[i].length };
                cb({ status: "succeeded", value: slice });
              },
              closeAsync(cb) {
                log.closed += 1;
                cb({ status: "succeeded" });
              },
            },
          });
        },
      },
    },
  };
  return { Office: new OfficeMockObject(data, "outlook"), log };
}
