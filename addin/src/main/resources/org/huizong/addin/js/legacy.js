// Runs only where the browser has no ES modules (Internet Explorer 11, which Excel 2016 and 2019
// perpetual versions use for add-ins): says so, and points to the upload page. ES5 only.
(function () {
  function show() {
    var el = document.getElementById("message");
    var page = window.location.href.split("?")[0].split("#")[0];
    el.innerHTML = "";
    el.appendChild(document.createTextNode("此版本的 Excel 使用的浏览器组件过旧，无法运行本加载项。"
      + "请保存报表后，在 Edge 或 Chrome 浏览器中打开 " + page + " 上传，"
      + "或使用教育局下发的上传链接。"));
    el.removeAttribute("hidden");
    el.style.display = "block";
    document.getElementById("validate").disabled = true;
    document.getElementById("submit").disabled = true;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
