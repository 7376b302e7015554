// The pane's host in an ordinary browser: the school's upload page. The workbook is a file the
// clerk picks or drops; there is no open workbook to read or cells to select.

import { HostError } from "./host-error.mjs";

export function createBrowserHost() {
  let chosen = null;
  const host = {
    kind: "browser",
    canSelect: false,
    storagePrefix: "",
    readWorkbook: async () => null,
    /** The chosen file's bytes and name. */
    async workbookFile() {
      if (!chosen) {
        throw new HostError("请先选择或拖入本校的报表文件（.xlsx）。");
      }
      return chosen;
    },
    selectCell: async () => {},
    /**
     * Wires the file input and the drop zone.
     *
     * @param doc the page's document, with #file and #drop
     * @param onFile called with {bytes, name} after a usable file was read
     * @param onError called with a HostError for an unusable one
     */
    attach(doc, onFile, onError) {
      const take = async (file) => {
        try {
          chosen = await readFile(file, doc.defaultView.FileReader);
        } catch (e) {
          onError(e);
          return;
        }
        await onFile(chosen);
      };
      const input = doc.getElementById("file");
      input.addEventListener("change", () => {
        if (input.files && input.files.length > 0) {
          take(input.files[0]);
        }
      });
      const drop = doc.getElementById("drop");
      // The whole page accepts a drop, so a file that misses the zone is not opened by the
      // browser in place of the page.
      doc.addEventListener("dragover", (e) => {
        e.preventDefault();
        drop.classList.add("over");
      });
      doc.addEventListener("dragleave", (e) => {
        if (e.target === drop || !e.relatedTarget) {
          drop.classList.remove("over");
        }
      });
      doc.addEventListener("drop", (e) => {
        e.preventDefault();
        drop.classList.remove("over");
        const files = e.dataTransfer ? e.dataTransfer.files : null;
        if (files && files.length > 1) {
          onError(new HostError("一次只能上传一个报表文件，请只拖入本校的报表。"));
        } else if (files && files.length === 1) {
          take(files[0]);
        }
      });
    },
  };
  return host;
}

/**
 * Reads a picked file, refusing what the server could not read anyway.
 *
 * @param FileReaderImpl the page's FileReader, for browsers without Blob.arrayBuffer
 */
export async function readFile(file, FileReaderImpl) {
  const name = String(file.name ?? "");
  if (/\.xls$/i.test(name)) {
    throw new HostError(`“${name}”是旧版 .xls 文件：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传。`);
  }
  if (!/\.xls[xm]$/i.test(name)) {
    throw new HostError(`“${name}”不是 Excel 报表文件：请选择教育局下发的 .xlsx 报表。`);
  }
  const bytes = new Uint8Array(await fileBytes(file, FileReaderImpl));
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new HostError(`“${name}”不是有效的 .xlsx 文件（文件可能已损坏，或只是改了扩展名）。`);
  }
  return { bytes, name };
}

/** Blob.arrayBuffer where the browser has it; FileReader in older embedded browsers. */
function fileBytes(file, FileReaderImpl) {
  if (typeof file.arrayBuffer === "function") {
    return file.arrayBuffer();
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReaderImpl();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new HostError(`无法读取文件“${file.name}”，请重新选择。`));
    reader.readAsArrayBuffer(file);
  });
}
