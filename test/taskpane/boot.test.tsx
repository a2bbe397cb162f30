/** @jest-environment jsdom */
import "./setup";
import { act, screen } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { bootTaskpane } from "../../src/taskpane/boot";
import type { OfficeHostApi } from "../../src/taskpane/host";

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

async function boot(office: OfficeHostApi | undefined): Promise<void> {
  await act(async () => {
    root = await bootTaskpane(container, office);
  });
}

describe("bootTaskpane", () => {
  it("shows the open-in-Excel message when Office is absent", async () => {
    await boot(undefined);
    expect(screen.getByText("Open this pane in Excel")).toBeInTheDocument();
    expect(screen.getByText(/did not load/)).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("shows the open-in-Excel message when Office is ready in a plain browser", async () => {
    await boot(aFakeOffice(null));
    expect(screen.getByText(/open in a web browser, outside Excel/)).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("shows the evaluation steps once Office is ready in Excel", async () => {
    await boot(aFakeOffice("Excel"));
    expect(screen.getByRole("tablist", { name: "Evaluation steps" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Set up" })).toBeInTheDocument();
  });

  it("renders nothing until Office is ready", async () => {
    let ready: (info: { host: unknown }) => void = () => {};
    const office: OfficeHostApi = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      HostType: { Excel: "Excel" },
    };
    let booting: Promise<Root> | undefined;
    await act(async () => {
      booting = bootTaskpane(container, office);
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
