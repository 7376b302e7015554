// Served in place of office/office.js in browser end-to-end tests, to show the pane as it looks
// inside Excel: a small Office and Excel with the shape the pane uses (the node tests use
// office-addin-mock for the real checks). Records selected cells in window.__selected.
(function () {
  var sheets = ["学校基本情况", "招生与考试", "学生资助", "课后服务", "师资队伍", "教育教学与教研",
    "项目建设", "安全工作", "经费保障", "_meta"];
  var meta = [["collection", "edu-halfyear"], ["version", "1"], ["period", "2024H1"],
    ["unit", "3412250001"], ["structureHash", "9f2c4e"], ["kind", "return"]];
  window.__selected = [];
  function range(sheet, address) {
    return {
      values: sheet === "_meta" ? meta : [["城关镇第一小学"]],
      load: function () { return this; },
      select: function () { window.__selected.push(sheet + "!" + address); },
    };
  }
  var workbook = {
    worksheets: {
      items: sheets.map(function (n) { return { name: n }; }),
      load: function () { return this; },
      getItem: function (name) {
        return {
          getRange: function (a) { return range(name, a); },
          activate: function () {},
        };
      },
    },
    names: { getItem: function () { return { getRange: function () { return range("", ""); } }; } },
  };
  window.Excel = {
    run: function (cb) {
      return cb({ workbook: workbook, sync: function () { return Promise.resolve(); } });
    },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded" },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
    context: {
      document: {
        url: "https://example.sharepoint.cn/城关镇第一小学-2024H1.xlsx",
        getFileAsync: function (type, options, cb) {
          var data = [0x50, 0x4b, 3, 4, 20, 0, 0, 0];
          cb({ status: "succeeded", value: { sliceCount: 1, size: data.length,
            getSliceAsync: function (i, done) {
              done({ status: "succeeded", value: { data: data } });
            },
            closeAsync: function (done) { done({ status: "succeeded" }); } } });
        },
      },
    },
  };
})();
