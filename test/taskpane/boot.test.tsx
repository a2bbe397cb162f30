/** @jest-environment jsdom */
import "./setup";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Root } from "react-dom/client";
import type { WorkbookActions } from "../../src/excel/actions";
import { bootTaskpane } from "../../src/taskpane/boot";
import type { OfficeHostApi } from "../../src/taskpane/host";
import { aFakeActions } from "./fakeActions";
import { anEvaluationWorkbook } from "../excel/support";
import { SHEETS } from "../../src/core/shared/layout";

function aFakeOffice(host: string | null): OfficeHostApi {
  return {
    onReady: () => Promise.resolve({ host }),
    HostType: { Excel: "Excel" },
    context: host === null ? undefined : { officeTheme: { bodyBackgroundColor: "#FFFFFF" } },
  };
}

let container: HTMLElement;
let root: Root | undefined;

beforeEach(() => {
  container = document.createElement("div");
  container.id = "container";
  document.body.append(container);
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
});

async function boot(office: OfficeHostApi | undefined, actions?: WorkbookActions): Promise<void> {
  await act(async () => {
    root = await bootTaskpane(container, office, actions);
  });
}

// Microsoft's client, once a test loads it, defines the Excel global: removed after each test,
// so the next one starts without Excel as a plain browser would.
afterEach(() => {
  Reflect.deleteProperty(globalThis, "Excel");
});

describe("bootTaskpane", () => {
  it("shows the open-in-Excel message when Office is absent", async () => {
    await boot(undefined);
    expect(await screen.findByText("Open this pane in Excel")).toBeInTheDocument();
    expect(screen.getByText(/did not load/)).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("shows the open-in-Excel message when Office is ready in a plain browser", async () => {
    await boot(aFakeOffice(null));
    expect(await screen.findByText(/open in a web browser, outside Excel/)).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("shows the evaluation steps once Office is ready in Excel", async () => {
    await boot(aFakeOffice("Excel"), aFakeActions());
    expect(screen.getByRole("tablist", { name: "Evaluation steps" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Set up" })).toBeInTheDocument();
  });

  it("gives the pages the actions it is handed, for tests and the playground", async () => {
    const actions = aFakeActions();
    await boot(aFakeOffice("Excel"), actions);
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Scores" }));
    await user.click(await screen.findByRole("button", { name: "Refresh scores" }));
    expect(actions.readScores).toHaveBeenCalledTimes(1);
  });

  it("makes the actions over Excel.run when it is handed none in Excel", async () => {
    // Microsoft's Excel client, over a test host whose SV Commitments a co-author protected:
    // the real actions reach Excel through the global Excel.run and turn its AccessDenied into
    // a sentence.
    const { fake, run } = await anEvaluationWorkbook([["Acme Ltd", "ILL9", "hours", 120]]);
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.commitments).protection.protect();
      await context.sync();
    });
    const restore = fake.installGlobals();
    try {
      await boot(aFakeOffice("Excel"));
      const user = userEvent.setup();
      await user.click(screen.getByRole("tab", { name: "Validate" }));
      await user.click(await screen.findByRole("button", { name: "Validate commitments" }));
      expect(await screen.findByText(/Excel refused the change: the sheet or workbook is protected/, undefined, { timeout: 5000 })).toBeInTheDocument();
      expect(fake.stats.requests).toBeGreaterThan(0);
    } finally {
      restore();
    }
  });

  it("says office.js did not load when Office reports Excel but the Excel API is missing", async () => {
    await boot(aFakeOffice("Excel"));
    expect(await screen.findByText(/did not load/)).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("renders nothing until Office is ready", async () => {
    let ready: (info: { host: unknown }) => void = () => {};
    const office: OfficeHostApi = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      HostType: { Excel: "Excel" },
    };
    let booting: Promise<Root> | undefined;
    await act(async () => {
      booting = bootTaskpane(container, office, aFakeActions());
    });
    expect(container).toBeEmptyDOMElement();
    await act(async () => {
      ready({ host: "Excel" });
      root = await booting;
    });
    expect(screen.getByRole("tablist", { name: "Evaluation steps" })).toBeInTheDocument();
  });

  it("refuses a page without the #container element", async () => {
    await expect(bootTaskpane(null, undefined)).rejects.toThrow("#container");
  });
});
