/**
 * The Power Query (M) a council pastes into Power BI, or into Excel's own Get Data, to read the
 * portfolio workbook's tables with their types (issue #20: "Power BI without a server of ours").
 * The portfolio's tables are the data model; this file only names them and gives each column the
 * type the schema says, so a measure in Power BI sums pounds as currency and filters dates as
 * dates. It is generated from the schema, and docs/portfolio-power-query.pq is held equal to it
 * by a test, so the two cannot drift.
 *
 * One query per table, because Power BI's model takes tables, not a record of tables. Each reads
 * the workbook from its SharePoint or OneDrive address with Web.Contents (Power BI asks once for
 * an organisational account) and picks the table by name (Kind = "Table"), so the query keeps
 * working however rows are added or sheets moved. A column the council added to a table comes
 * through untyped; a column of ours renamed or deleted stops the refresh with its name, which is
 * what a council should see.
 */
import { PORTFOLIO_TABLES, type ColumnType, type PortfolioTable } from "./schema";

/** The M type for each of the schema's column types. */
const M_TYPES: Record<ColumnType, string> = {
  text: "type text",
  number: "type number",
  // Fixed decimal (four places): pence add up exactly in Power BI's sums.
  pounds: "Currency.Type",
  percent: "Percentage.Type",
  // Excel.Workbook gives a date-formatted cell as a datetime; the date is what matters.
  date: "type date",
  // Sign-off writes ISO 8601 text with its zone ("…Z").
  timestamp: "type datetimezone",
  // "Yes"/"No" stay text: slicers show them as written.
  "yes/no": "type text",
};

/** Where the council's own address goes; the README says how to copy it from Excel. */
export const POWER_QUERY_ADDRESS_PLACEHOLDER = "https://YOUR-COUNCIL.sharepoint.com/sites/YOUR-SITE/Shared Documents/Social value portfolio.xlsx";

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One table's query, ready to paste into a blank query's Advanced Editor. */
export function tableQuery(table: PortfolioTable, address: string = POWER_QUERY_ADDRESS_PLACEHOLDER): string {
  const types = table.columns.map((c) => `        {${quote(c.name)}, ${M_TYPES[c.type]}}`).join(",\n");
  return [
    "let",
    `    Source = Excel.Workbook(Web.Contents(${quote(address)}), null, true),`,
    `    Data = Source{[Item = ${quote(table.name)}, Kind = "Table"]}[Data],`,
    "    Typed = Table.TransformColumnTypes(Data, {",
    types,
    '    }, "en-GB")',
    "in",
    "    Typed",
  ].join("\n");
}

/** Every table's query, each under a comment naming the query to create. */
export function portfolioPowerQuery(address: string = POWER_QUERY_ADDRESS_PLACEHOLDER): string {
  const header = [
    "// Social value portfolio: one Power Query per table of the portfolio workbook.",
    "// In Power BI Desktop (or Excel: Data > Get Data > From Other Sources > Blank Query), make one",
    "// blank query per table below, name it as the comment says, open the Advanced Editor and paste",
    "// that table's part. Put the portfolio workbook's own address in place of the example: in Excel,",
    "// File > Info > Copy path, and leave out anything from \"?\" on.",
  ];
  const parts = (Object.values(PORTFOLIO_TABLES) as PortfolioTable[]).map((t) => [``, `// Query: ${t.name}. One row is ${t.row}.`, tableQuery(t, address)].join("\n"));
  return `${[...header, ...parts].join("\n")}\n`;
}
