/** Builders for the Portfolio page's component tests: a gather's outcome and the fake action. */
import type { FileOutcome, PortfolioGathered } from "../../src/excel/actions";
import { PORTFOLIO_TABLES } from "../../src/core/portfolio/schema";
import { resolving, type FakeActions } from "./fakeActions";

export function aFileOutcome(overrides: Partial<FileOutcome> = {}): FileOutcome {
  return { fileName: "Domiciliary care.xlsx", verdict: "Signed and intact", included: true, accepted: false, sentences: [], ...overrides };
}

export function aPortfolioGathered(files: readonly FileOutcome[] = [aFileOutcome()], overrides: Partial<PortfolioGathered> = {}): PortfolioGathered {
  const included = files.filter((f) => f.included).length;
  return {
    files: [...files],
    messages: [],
    counts: { files: files.length, included, leftOut: files.length - included, accepted: files.filter((f) => f.accepted).length, contracts: included, commitments: 8 * included, offers: 3 * included, kpis: 3 * included },
    written: Object.fromEntries(Object.keys(PORTFOLIO_TABLES).map((key) => [key, { rows: 0, added: 0, cellsWritten: 0, created: false }])) as PortfolioGathered["written"],
    syncs: 4,
    attempts: 1,
    dashboard: { drawn: true, sheet: "PF Dashboard", charts: ["PF_ChartThemes"], note: "" },
    ...overrides,
  };
}

export function aFakePortfolioActions(): Pick<FakeActions, "gatherPortfolio"> {
  return { gatherPortfolio: resolving<"gatherPortfolio">(aPortfolioGathered()) };
}
