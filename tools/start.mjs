// `npm start`. Where office-addin-debugging can sideload into desktop Excel (Windows and
// macOS), it builds, serves and sideloads. Elsewhere (Linux, where there is no desktop
// Excel) it serves the add-in on https://localhost:3000 and prints the exact steps to
// sideload manifest.xml into Excel on the web.
import { spawn, spawnSync } from "node:child_process";
import https from "node:https";

const desktopExcel = process.platform === "win32" || process.platform === "darwin";

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return child;
}

if (desktopExcel) {
  // Starts `npm run dev-server` itself (package.json config.dev_server_port) and registers
  // manifest.xml with desktop Excel; `npm run stop` undoes the sideload.
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  console.log(
    [
      "",
      "Desktop Excel does not run on this platform. Once the dev server below says it compiled:",
      "",
      "  Playground (no Excel needed): https://localhost:3000/playground.html",
      "    the real task pane beside a workbook that runs in your browser; accept the certificate once.",
      "",
      "  Or sideload into Excel on the web:",
      "  1. Open https://localhost:3000/taskpane.html in this browser once and accept the certificate",
      "     (or trust the CA printed above, if any), so Excel can load the add-in's files.",
      "  2. Open a workbook in Excel on the web (https://www.office.com > Excel).",
      "  3. Home > Add-ins > More Add-ins (or Insert > Office Add-ins) > My Add-ins > Upload My Add-in.",
      `  4. Browse to ${process.cwd()}/manifest.xml and choose Upload.`,
      "  5. The Social Value group appears on the Home tab: choose Evaluation to open the pane,",
      "     and type =TENDER. in a cell to see the functions.",
      "Stop the server with Ctrl+C.",
      "",
    ].join("\n")
  );
  run("npx", ["webpack", "serve", "--mode", "development"]);
  openPlaygroundWhenReady();
}

/**
 * On a desktop (a display and xdg-open), opens the playground in the default browser once the
 * dev server answers; on a headless machine the URL above is all there is to do.
 */
function openPlaygroundWhenReady() {
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!display || spawnSync("sh", ["-c", "command -v xdg-open"]).status !== 0) return;
  const url = "https://localhost:3000/playground.html";
  const started = Date.now();
  const poll = () => {
    const req = https.get(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      spawn("xdg-open", [url], { stdio: "ignore", detached: true }).unref();
    });
    req.on("error", () => {
      if (Date.now() - started < 120_000) setTimeout(poll, 2000);
    });
  };
  setTimeout(poll, 3000);
}
