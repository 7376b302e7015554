// The WPS 加载项's ribbon callbacks (ribbon.xml). WPS loads index.html from the add-in's
// online address, which loads this classic script; the functions must be globals.
// The button opens ../taskpane.html, the same page as the Excel add-in, as a WPS task pane; the
// page finds the injected `wps` object and reads the open workbook through it (js/wps-host.mjs).
var HUIZONG_TASKPANE_KEY = "huizong_taskpane_id";

function OnAddinLoad(ribbonUI) {
  window.huizongRibbon = ribbonUI;
  return true;
}

function OnGetEnabled(control) {
  return true;
}

function OnGetImage(control) {
  return "images/icon-32.png";
}

function huizongTaskpaneUrl() {
  return new URL("../taskpane.html", window.location.href).href;
}

// Opens the pane, or shows and hides it when it is already open. PluginStorage lasts as long
// as WPS runs, which is as long as the pane does.
function OnShowPane(control) {
  var id = wps.PluginStorage.getItem(HUIZONG_TASKPANE_KEY);
  var pane = null;
  if (id) {
    try {
      pane = wps.GetTaskPane(parseInt(id, 10));
    } catch (e) {
      pane = null;
    }
  }
  if (pane) {
    pane.Visible = !pane.Visible;
    return true;
  }
  pane = wps.CreateTaskPane(huizongTaskpaneUrl(), "汇总 校验与提交");
  wps.PluginStorage.setItem(HUIZONG_TASKPANE_KEY, String(pane.ID));
  pane.Width = 360;
  pane.Visible = true;
  return true;
}
