/**
 * The sample tender end to end in the playground, in headless Chromium: from the click on
 * "Load sample tender" to the pane showing the three bidders' scores, through validation.
 * The playground is built once (development mode, as `npm start` serves it).
 */
import type { BenchEntry } from "../harness";
import { round } from "../harness";
import { buildPlayground, launchBrowser, serve } from "../../test/e2e/harness";

const RUNS = 5;

export async function run(): Promise<BenchEntry[]> {
  const dir = await buildPlayground();
  const server = await serve(dir);
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      await page.goto(`${server.url}/playground.html`);
      const pane = page.frameLocator('iframe[title="Task pane"]');
      await pane.getByRole("tab", { name: "Validate" }).waitFor();
      const start = Date.now();
      await page.getByRole("button", { name: "Load sample tender" }).click();
      await page.getByText(/Loaded a sample tender/).waitFor();
      await pane.getByRole("tab", { name: "Validate" }).click();
      await pane.getByRole("button", { name: "Validate commitments" }).click();
      await pane.getByRole("button", { name: /SV108/ }).first().waitFor();
      await pane.getByRole("tab", { name: "Scores" }).click();
      await pane.getByRole("button", { name: "Refresh scores" }).click();
      await pane.getByRole("cell", { name: "Cura Partnership" }).waitFor();
      if (i > 0) times.push(Date.now() - start); // the first run warms the browser's caches
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  return [
    {
      name: "playground/sample-tender-end-to-end-ms",
      value: round(times[Math.floor(times.length / 2)] ?? NaN),
      unit: "ms",
      better: "lower",
      note: `Headless Chromium, playground (development build): Load sample tender → validate (finds the unit mistake) → refresh scores; median of ${RUNS} runs after a warm-up`,
    },
  ];
}
