import { readFileSync } from "fs";
import { join } from "path";
import { portfolioPowerQuery, POWER_QUERY_ADDRESS_PLACEHOLDER, tableQuery } from "../../../src/core/portfolio/powerQuery";
import { PORTFOLIO_TABLES, type PortfolioTable } from "../../../src/core/portfolio/schema";

const tables = Object.values(PORTFOLIO_TABLES) as PortfolioTable[];

describe("the Power Query a council pastes into Power BI", () => {
  it("is the file the docs give, so the two cannot drift (regenerate docs/portfolio-power-query.pq from portfolioPowerQuery())", () => {
    expect(readFileSync(join(__dirname, "..", "..", "..", "docs", "portfolio-power-query.pq"), "utf8")).toBe(portfolioPowerQuery());
  });

  it("has one query per table, picking the table by name from the workbook at the placeholder address", () => {
    const text = portfolioPowerQuery();
    for (const t of tables) {
      expect(text).toContain(`// Query: ${t.name}. One row is `);
      expect(text).toContain(`Source{[Item = "${t.name}", Kind = "Table"]}[Data]`);
    }
    expect(text.match(/^let$/gm)).toHaveLength(tables.length);
    expect(text).toContain(`Web.Contents("${POWER_QUERY_ADDRESS_PLACEHOLDER}")`);
  });

  it("types every column as the schema says: pounds as currency, percents, dates, timestamps with their zone, the rest text or numbers", () => {
    const commitments = tableQuery(PORTFOLIO_TABLES.commitments);
    expect(commitments).toContain('{"CommittedValue", Currency.Type}');
    expect(commitments).toContain('{"DueDate", type date}');
    expect(commitments).toContain('{"Committed", type number}');
    expect(commitments).toContain('{"InLatestGather", type text}');
    expect(tableQuery(PORTFOLIO_TABLES.contracts)).toContain('{"Return", Percentage.Type}');
    expect(tableQuery(PORTFOLIO_TABLES.sources)).toContain('{"SignedAt", type datetimezone}');
    for (const t of tables) expect(tableQuery(t).match(/^ {8}\{"/gm)).toHaveLength(t.columns.length);
  });

  it("writes a council's own address as an M string, doubling any quote in it", () => {
    expect(tableQuery(PORTFOLIO_TABLES.offers, 'https://c.sharepoint.com/sites/p/Shared Documents/Say "hi".xlsx')).toContain('Web.Contents("https://c.sharepoint.com/sites/p/Shared Documents/Say ""hi"".xlsx")');
  });
});
