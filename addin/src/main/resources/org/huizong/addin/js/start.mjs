// The page's entry point (taskpane.html loads it as a module after office.js).
import { boot } from "./main.mjs";

boot(window).catch((e) => {
  const el = document.getElementById("message");
  el.textContent = `页面启动失败：${e && e.message ? e.message : e}。请刷新页面或联系教育局。`;
  el.hidden = false;
});
