// The files of the @microsoft/office-js package the add-in ships, relative to the package's
// dist/ folder. office.js loads the rest itself from its own folder at run time:
//   - <host>-<platform>-<version>.js for the host it finds itself in
//     (OSF.HostSpecificFileVersionMap in office.js caps Excel at web 16.00, win32 16.01,
//     mac 16.00; older win32 builds ask for 16.00),
//   - <locale>/office_strings.js for the UI locale, falling back to en-us,
//   - o15apptofilemappingtable.js when it finds no host information (also in a plain browser,
//     before it resolves Office.onReady with host null),
//   - telemetry/oteljs_agave.js and ariatelemetry/aria-web-telemetry.js for its own logging.
// webauth/ (single sign-on) and the other hosts' files are not used by this add-in.
export const OFFICE_JS_FILES = Object.freeze([
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-web-16.00.js",
  "excel-win32-16.00.js",
  "excel-win32-16.01.js",
  "excel-mac-16.00.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
  "zh-tw/office_strings.js",
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
]);

// The package's licence travels with the copy, unmodified, beside the files.
export const OFFICE_JS_LICENSE = "LICENSE.md";
