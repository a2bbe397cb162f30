/**
 * The playground page: the real task pane, booted with actions over the test Excel host that runs
 * in the browser, beside a view of that workbook. HyperFormula (GPLv3) is used here and in
 * tests only; this page is never part of the add-in's production build.
 */
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../test/excelHost";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { publishBridge } from "./bridge";
import { downloadXlsx, exportNotice } from "./exportXlsx";
import { readXlsx, replaceWorkbook, workbookHasContent } from "./importXlsx";
import { loadSampleBids, sampleBidsNotice } from "./sampleBids";
import { loadSampleTender } from "./sampleTender";
import { notifyingRun } from "./workbookEvents";
import { WorkbookView } from "./WorkbookView";

const fake = createExcelHost({ sheets: { Sheet1: [] } });
const listeners = new Set<() => void>();
const run: ExcelRun = notifyingRun(fake.run as unknown as ExcelRun, () => listeners.forEach((l) => l()));

publishBridge({ run });

function Playground() {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState("");
  const sample = async (): Promise<void> => {
    try {
      setNotice(sampleBidsNotice(await loadSampleBids(run)));
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  const sampleTender = async (): Promise<void> => {
    try {
      const result = await loadSampleTender(run);
      setNotice(
        result.status === "loaded"
          ? `Loaded a sample tender on the illustrative measures. ${sampleBidsNotice(result.loaded)}`
          : result.reason
      );
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const exportFile = async (): Promise<void> => {
    try {
      setNotice("Exporting…");
      const notes = await downloadXlsx(fake, "evaluation.xlsx");
      setNotice(`Exported the workbook as evaluation.xlsx.${exportNotice(notes)}`);
    } catch (error) {
      setNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again fires another change.
    input.value = "";
    if (!file) return;
    try {
      // The whole file is read and checked before anything is asked or changed.
      const book = await readXlsx(file.name, await file.arrayBuffer());
      if ((await workbookHasContent(run)) && !window.confirm(`Replace every sheet of this workbook with the ${book.sheets.length} sheet(s) of "${file.name}"? What is here now will be lost.`)) {
        setNotice("Import cancelled: the workbook is unchanged.");
        return;
      }
      const done = await replaceWorkbook(run, book, `"${file.name}"`);
      const left = book.notes.length > 0 ? ` Not kept: ${book.notes.join(" ")}` : "";
      setNotice(`Imported ${done.sheets} sheet(s) from "${file.name}": ${done.cells} values, ${done.formulas} formulas, with tables, names, formats, validation and protection${book.charts.length > 0 ? `, and ${book.charts.length} chart(s)` : ""}.${left}`);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1);
    listeners.add(bump);
    return () => void listeners.delete(bump);
  }, []);
  return (
    <div className="playground">
      <header className="bar">
        <strong>Social value evaluation — playground</strong>
        <span className="tagline">A workbook in your browser: nothing is saved or sent anywhere.</span>
        <button type="button" onClick={() => void sampleTender()}>
          Load sample tender
        </button>
        <button type="button" onClick={() => void sample()}>
          Load sample bids
        </button>
        <button type="button" onClick={() => void exportFile()}>
          Export .xlsx
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import .xlsx
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label="Import .xlsx file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          onChange={(e) => void importFile(e)}
        />
        {/* Last in the bar and truncated there (playground.html), so a long message never moves the buttons; the title holds it whole. */}
        <span role="status" title={notice}>
          {notice}
        </span>
      </header>
      <WorkbookView fake={fake} run={run} version={version} />
      <iframe className="pane" title="Task pane" src="playground-pane.html" />
    </div>
  );
}

createRoot(document.getElementById("playground") as HTMLElement).render(<Playground />);
