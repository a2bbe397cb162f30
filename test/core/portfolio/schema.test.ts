import { ownedByPortfolio, PORTFOLIO_TABLES, schemaMarkdown, type PortfolioTable } from "../../../src/core/portfolio/schema";

const tables = Object.values(PORTFOLIO_TABLES) as PortfolioTable[];

describe("the portfolio's data model", () => {
  it("has stable, unique table names that Excel accepts", () => {
    expect(tables.map((t) => t.name)).toEqual(["PF_Sources", "PF_Contracts", "PF_Commitments", "PF_Offers", "PF_KPIs", "PF_Totals"]);
    for (const t of tables) expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/);
    expect(new Set(tables.map((t) => t.sheet)).size).toBe(tables.length);
  });

  it("gives every column a unique name, a type and a one-line meaning, and each table its key", () => {
    for (const t of tables) {
      const names = t.columns.map((c) => c.name);
      expect([t.name, new Set(names).size]).toEqual([t.name, names.length]);
      expect(names).toContain(t.key);
      for (const c of t.columns) {
        expect(c.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(c.meaning).toMatch(/^[^\n]+[.)]$/);
      }
    }
  });

  it("says which columns are the portfolio user's own", () => {
    expect(ownedByPortfolio("commitments")).toEqual(["Status", "EvidenceNotes"]);
    expect(ownedByPortfolio("kpis")).toEqual(["Target", "Actual"]);
    expect(ownedByPortfolio("contracts")).toEqual(["StartDate", "EndDate", "ContractManager", "Notes"]);
    expect(ownedByPortfolio("offers")).toEqual(["Area", "Notes"]);
    const shared = tables.flatMap((t) => t.columns.filter((c) => c.owner === "shared").map((c) => `${t.name}[${c.name}]`));
    expect(shared).toEqual(["PF_Commitments[DueDate]", "PF_Commitments[Delivered]"]);
  });

  it("writes the README's table, one line per column", () => {
    const md = schemaMarkdown().split("\n");
    expect(md[0]).toBe("| table | column | type | kept by | meaning |");
    expect(md).toHaveLength(2 + tables.reduce((n, t) => n + t.columns.length, 0));
    expect(md).toContain("| PF_Commitments | Delivered | number | shared | Delivered so far, in Unit: SV Register's Delivered, else the figure typed in the portfolio. |");
  });
});
