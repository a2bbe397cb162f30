/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { FilterButton, HeaderMenu, type HeaderCell } from "../../playground/HeaderMenu";
import type { ExcelHost } from "../excelHost";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import type { UserEdits } from "../../playground/userEdits";

/** The Bidder column of a Bids table on Sheet1 A1:B4, as the host's inspector would read it. */
const BIDDER: HeaderCell = { sheet: "Sheet1", table: "Bids", column: "Bidder", columnIndex: 0, dataBodyAddress: "Sheet1!A2:B4", row: 0, col: 0, sorted: undefined, filtered: false };

function aFake(filters: Record<string, string[]> = {}): ExcelHost {
  const inspect = {
    values: () => [
      ["Birch", 2],
      ["Acme", 1],
      ["", 3],
    ],
    format: () => ({ numberFormat: "General" }),
    tableHeader: () => ({ showFilterButton: true, sort: undefined, filters }),
    table: () => ({ headers: ["Bidder", "Value"] }),
  };
  return { inspect } as unknown as ExcelHost;
}

function renderMenu(header: HeaderCell = BIDDER, fake: ExcelHost = aFake()) {
  const jobs: (() => Promise<unknown>)[] = [];
  const onClose = jest.fn();
  render(
    <HeaderMenu
      header={header}
      fake={fake}
      grid={createRef<HTMLElement>()}
      edits={{} as UserEdits}
      run={(() => Promise.resolve()) as unknown as ExcelRun}
      enqueue={(job) => void jobs.push(job)}
      onClose={onClose}
    />
  );
  return { jobs, onClose, user: userEvent.setup() };
}

describe("a table header's menu", () => {
  it("offers A to Z for text, Clear Filter From the column, and its values with (Blanks) last, all checked", () => {
    renderMenu();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Sort A to Z" }));
    expect(screen.getByRole("button", { name: "Sort Z to A" })).toBeTruthy();
    // Nothing to clear on a column not filtered.
    expect((screen.getByRole("button", { name: 'Clear Filter From "Bidder"' }) as HTMLButtonElement).disabled).toBe(true);
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual(["(Select All)", "Acme", "Birch", "(Blanks)"]);
    expect(boxes.every((b) => b.checked)).toBe(true);
  });

  it("offers Smallest to Largest for a column of numbers", () => {
    renderMenu({ ...BIDDER, column: "Value", columnIndex: 1, col: 1 });
    expect(screen.getByRole("button", { name: "Sort Smallest to Largest" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sort Largest to Smallest" })).toBeTruthy();
  });

  it("disables OK with nothing checked, as Excel does, and filters when a value is checked again", async () => {
    const { jobs, onClose, user } = renderMenu();
    await user.click(screen.getByRole("checkbox", { name: "(Select All)" }));
    expect((screen.getByRole("button", { name: "OK" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "Acme" }));
    expect((screen.getByRole("checkbox", { name: "(Select All)" }) as HTMLInputElement).indeterminate).toBe(true);
    await user.click(screen.getByRole("button", { name: "OK" }));
    expect(jobs).toHaveLength(1);
    expect(onClose).toHaveBeenCalled();
  });

  it("starts from the column's filter, and can clear it", async () => {
    const { jobs, user } = renderMenu({ ...BIDDER, filtered: true }, aFake({ Bidder: ["birch"] }));
    expect((screen.getByRole("checkbox", { name: "Birch" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Acme" }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole("button", { name: 'Clear Filter From "Bidder"' }));
    expect(jobs).toHaveLength(1);
  });

  it("closes on Escape and on Cancel, doing nothing", async () => {
    const { jobs, onClose, user } = renderMenu();
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(jobs).toEqual([]);
  });
});

describe("a header's drop-down button", () => {
  it("says what its column shows, and looks different once filtered or sorted", () => {
    const { rerender } = render(<FilterButton header={BIDDER} onOpen={() => undefined} />);
    expect(screen.getByRole("button", { name: "Bidder: (Showing All)" }).getAttribute("data-state")).toBe("plain");
    rerender(<FilterButton header={{ ...BIDDER, filtered: true, sorted: "descending" }} onOpen={() => undefined} />);
    const button = screen.getByRole("button", { name: "Bidder: Filtered, Sorted Descending" });
    expect(button.getAttribute("data-state")).toBe("filtered sorted-descending");
    expect(button.querySelector("svg")).not.toBeNull();
  });
});
