/**
 * The portfolio workbook's data model (issue #20): every signed evaluation's contract, its
 * commitments, community offers and KPIs in tables with stable names, so Power BI, a contract
 * manager's own sheet and the next gather all read them by name. Like the evaluation's layout
 * (shared/layout.ts), these names are stored in users' workbooks: once shipped they are frozen.
 * The README's portfolio table is generated from {@link schemaMarkdown} and checked against it.
 *
 * Each column has one owner, which decides what a gather does to a value already in the portfolio:
 *
 * - `gathered`: copied from the signed evaluation workbook at each gather (a value typed over it
 *   in the portfolio is replaced, because the signed record is the authority for it);
 * - `shared`: the contract manager keeps it in the evaluation workbook's SV Register, and the
 *   portfolio may hold it too. Beside each, a `…Gathered` column holds the source's value at the
 *   latest gather, because a value typed (or cleared) in the portfolio cannot otherwise be told
 *   from one a gather brought. A source value equal to the last gathered keeps the portfolio's
 *   (typed, cleared or untouched); a source value that changed since is taken, and only when the
 *   portfolio's had been typed differently from the last gathered do the gather's messages give
 *   it, so nothing typed is lost without a word. A blank in the source keeps the portfolio's value;
 * - `portfolio`: the portfolio user's own. A gather never overwrites a value typed there; it
 *   fills a blank only where the column says so (Status starts as the rule's status);
 * - `computed`: worked out by the gather from the others, every time (typing over it is undone).
 */

export type ColumnType =
  /** Text as written. */
  | "text"
  /** A plain number (a quantity in the measure's unit, a count, months). */
  | "number"
  /** £ to the penny: computed in integer pence, written as pounds with two decimals. */
  | "pounds"
  /** A ratio written as a number (0.25) with a % format. */
  | "percent"
  /** An Excel date serial (days since 30 Dec 1899), with a dd/mm/yyyy format. */
  | "date"
  /** ISO 8601 text (2026-03-31T10:15:00.000Z), as sign-off writes its time. */
  | "timestamp"
  /** "Yes" or "No". */
  | "yes/no";

export type ColumnOwner = "gathered" | "shared" | "portfolio" | "computed";

export interface PortfolioColumn {
  name: string;
  type: ColumnType;
  owner: ColumnOwner;
  /** One line for the README and the column's tooltip. */
  meaning: string;
}

export interface PortfolioTable {
  /** The Excel table's name. */
  name: string;
  /** The sheet the table sits on. */
  sheet: string;
  /** The column whose value identifies a row across gathers. */
  key: string;
  /** What one row is. */
  row: string;
  columns: readonly PortfolioColumn[];
}

const col = (name: string, type: ColumnType, owner: ColumnOwner, meaning: string): PortfolioColumn => ({ name, type, owner, meaning });

export const PORTFOLIO_TABLES = {
  sources: {
    name: "PF_Sources",
    sheet: "PF Sources",
    key: "File",
    row: "one file gathered (the latest gather of that file: its name, and its contents or tender)",
    columns: [
      col("File", "text", "gathered", "The file's name as chosen."),
      col("TenderKey", "text", "gathered", "The tender the file holds (see PF_Contracts); blank when it is not an evaluation."),
      col("Contract", "text", "gathered", "The contract name on the file's SV Setup."),
      col("Verdict", "text", "computed", "Signed and intact, Changed since sign-off, Not signed, Not an evaluation, Duplicate or Refused."),
      col("Detail", "text", "computed", "The sentence the gather showed for the file, then each figure typed in the portfolio that the register's replaced (what was typed, what was taken)."),
      col("ChangedSheets", "text", "computed", "The sheets changed since sign-off, comma-separated."),
      col("Fingerprint", "text", "gathered", "The SHA-256 fingerprint stored at sign-off (blank when not signed)."),
      col("SignedBy", "text", "gathered", "Who signed the record off."),
      col("SignedAt", "timestamp", "gathered", "When the record was signed off, as sign-off wrote it."),
      col("Included", "yes/no", "computed", "Yes when the latest gather of the file took its contents into the portfolio (an earlier gather's rows stay either way)."),
      col("AcceptedReason", "text", "gathered", "Why a file the gather would leave out was accepted; blank when none was needed."),
      col("AcceptedBy", "text", "gathered", "Who accepted it."),
      col("AcceptedAt", "timestamp", "gathered", "When it was accepted."),
      col("GatheredAt", "timestamp", "computed", "When the file was last gathered."),
      col("FileHash", "text", "gathered", "The SHA-256 of the file's bytes as last gathered: with File, what tells two files of the same name apart."),
    ],
  },
  contracts: {
    name: "PF_Contracts",
    sheet: "PF Contracts",
    key: "TenderKey",
    row: "one signed evaluation: the contract awarded",
    columns: [
      col("TenderKey", "text", "gathered", "The tender's id from SV_TenderId (NAME- and the contract name for a workbook without one), then # and the start of its fingerprint for a copy accepted as a contract of its own."),
      col("SourceFile", "text", "gathered", "The file the contract's rows were last gathered from: another file for the same tender is a duplicate."),
      col("Contract", "text", "gathered", "The contract name (SV_ContractName)."),
      col("Framework", "text", "gathered", "The social value framework the tender used (SV_Framework)."),
      col("Category", "text", "gathered", "Goods, services, works… as set on SV Setup (SV_Category)."),
      col("ContractValue", "pounds", "gathered", "The contract's value (SV_ContractValue)."),
      col("VatBasis", "text", "gathered", "Whether ContractValue includes VAT (SV_VatBasis)."),
      col("ProcurementStart", "text", "gathered", "When the procurement began, as SV Setup holds it (SV_ProcurementStart)."),
      col("DurationMonths", "number", "gathered", "The contract's length in months (SV_DurationMonths)."),
      col("Supplier", "text", "gathered", "The winner: the bidder whose register the workbook holds, else the one ranked first on SV Scores."),
      col("SocialValue", "pounds", "gathered", "The winner's social value committed, valued with the tender's proxies (SV Scores Value)."),
      col("Return", "percent", "computed", "SocialValue ÷ ContractValue."),
      col("Commitments", "number", "computed", "How many commitment rows the contract has in PF_Commitments."),
      col("SignedBy", "text", "gathered", "Who signed the evaluation off."),
      col("SignedAt", "timestamp", "gathered", "When it was signed off."),
      col("AwardYear", "number", "computed", "The calendar year of SignedAt: the Year of PF_Totals."),
      col("KpisRequired", "yes/no", "computed", "Yes when the Act governs the procurement and ContractValue with VAT is over £5 million (s.52: at least 3 KPIs, unless exempt)."),
      col("StartDate", "date", "portfolio", "The contract's start, typed in the portfolio."),
      col("EndDate", "date", "portfolio", "The contract's end, typed in the portfolio."),
      col("ContractManager", "text", "portfolio", "Who monitors delivery."),
      col("Notes", "text", "portfolio", "The portfolio user's notes."),
    ],
  },
  commitments: {
    name: "PF_Commitments",
    sheet: "PF Commitments",
    key: "CommitmentKey",
    row: "one commitment of a winning bid, as its register lists it",
    columns: [
      col("CommitmentKey", "text", "gathered", "TenderKey | supplier | measure ref | which line to that ref (1 for the first)."),
      col("TenderKey", "text", "gathered", "The contract it belongs to (PF_Contracts)."),
      col("Contract", "text", "gathered", "The contract name."),
      col("Supplier", "text", "gathered", "The winner who committed it."),
      col("Ref", "text", "gathered", "The measure's ref (ECC1, NT3…)."),
      col("Measure", "text", "gathered", "The measure's description."),
      col("Theme", "text", "gathered", "The framework theme the measure belongs to."),
      col("Unit", "text", "gathered", "The measure's unit (FTE, £, weeks…)."),
      col("Committed", "number", "gathered", "The quantity committed, in Unit."),
      col("CommittedValue", "pounds", "gathered", "Committed valued with the tender's proxy (0 for record-only measures)."),
      col("KPI", "text", "gathered", "The KPI the measure feeds (Local spend, Local employment…), blank for none."),
      col("Evidence", "text", "gathered", "How the bid said delivery will be evidenced."),
      col("DueDate", "date", "shared", "When it is due: SV Register's Due date, else the date typed in the portfolio."),
      col("Delivered", "number", "shared", "Delivered so far, in Unit: SV Register's Delivered, else the figure typed in the portfolio."),
      col("DeliveredValue", "pounds", "computed", "Delivered × CommittedValue ÷ Committed."),
      col("RuleStatus", "text", "computed", "Delivered, Behind, Not started or On track by the register's rule, as at the gather."),
      col("Status", "text", "portfolio", "The status the portfolio user gives; a new row starts with RuleStatus."),
      col("EvidenceNotes", "text", "portfolio", "What evidence of delivery has been seen."),
      col("InLatestGather", "yes/no", "computed", "No when the latest gather of its contract no longer listed it (kept, never deleted; left out of PF_KPIs and PF_Totals)."),
      col("DueDateGathered", "date", "gathered", "SV Register's Due date at the latest gather: how the next gather tells a DueDate typed or cleared here from one it brought (not to be edited)."),
      col("DeliveredGathered", "number", "gathered", "SV Register's Delivered at the latest gather: how the next gather tells a Delivered typed or cleared here from one it brought (not to be edited)."),
    ],
  },
  offers: {
    name: "PF_Offers",
    sheet: "PF Offers",
    key: "OfferKey",
    row: "one community offer of a winning bid",
    columns: [
      col("OfferKey", "text", "gathered", "TenderKey | supplier | organisation | which offer to it (1 for the first)."),
      col("TenderKey", "text", "gathered", "The contract it belongs to."),
      col("Contract", "text", "gathered", "The contract name."),
      col("Supplier", "text", "gathered", "The winner who offers it."),
      col("RecipientType", "text", "gathered", "School, College, Charity, Community group or Other."),
      col("Organisation", "text", "gathered", "Who receives it."),
      col("Offer", "text", "gathered", "What is offered."),
      col("Hours", "number", "gathered", "Hours offered."),
      col("Value", "pounds", "gathered", "£ value the bid gave the offer."),
      col("Area", "text", "portfolio", "The area the recipient serves, typed in the portfolio (the directory's second grouping)."),
      col("Notes", "text", "portfolio", "The portfolio user's notes."),
      col("InLatestGather", "yes/no", "computed", "No when the latest gather of its contract no longer listed it (kept, never deleted)."),
    ],
  },
  kpis: {
    name: "PF_KPIs",
    sheet: "PF KPIs",
    key: "KpiKey",
    row: "one KPI of one contract",
    columns: [
      col("KpiKey", "text", "computed", "TenderKey | KPI."),
      col("TenderKey", "text", "computed", "The contract it belongs to."),
      col("Contract", "text", "computed", "The contract name."),
      col("Supplier", "text", "computed", "The supplier rated."),
      col("KPI", "text", "computed", "Local spend, Local employment, Local employment (share of workforce) or Carbon saved."),
      col("Unit", "text", "computed", "£, FTE, % or tCO2e."),
      col("Committed", "number", "computed", "The commitments feeding the KPI, added (the highest, for a share)."),
      col("Delivered", "number", "computed", "Their Delivered figures in PF_Commitments, added the same way."),
      col("Target", "number", "portfolio", "The KPI's target, typed in the portfolio; blank means Committed."),
      col("Actual", "number", "portfolio", "The performance to rate, typed in the portfolio; blank means Delivered."),
      col("Achieved", "percent", "computed", "Actual ÷ Target (each as typed, else its default)."),
      col("Rating", "text", "computed", "Good, Approaching target, Requires improvement, Inadequate or Other (the Act's ratings)."),
      col("RatingBasis", "text", "computed", "Why: the figures and the thresholds applied."),
      col("NoticeDraft", "text", "computed", "A draft sentence for the Contract Performance Notice."),
    ],
  },
  totals: {
    name: "PF_Totals",
    sheet: "PF Totals",
    key: "TotalKey",
    row: "one group: a theme, a supplier or an award year",
    columns: [
      col("TotalKey", "text", "computed", "By | Group."),
      col("By", "text", "computed", "Theme, Supplier or Year."),
      col("Group", "text", "computed", "The theme, the supplier, or the award year."),
      col("Contracts", "number", "computed", "Contracts with at least one commitment in the group."),
      col("Commitments", "number", "computed", "Commitment rows in the group."),
      col("CommittedValue", "pounds", "computed", "Their CommittedValue, added in pence."),
      col("DeliveredValue", "pounds", "computed", "Their DeliveredValue, added in pence."),
      col("DeliveredShare", "percent", "computed", "DeliveredValue ÷ CommittedValue."),
    ],
  },
} as const satisfies Record<string, PortfolioTable>;

export type PortfolioTableKey = keyof typeof PORTFOLIO_TABLES;

/** The column names of a table, as a type: `ColumnOf<"commitments">` is "CommitmentKey" | "TenderKey" | … */
export type ColumnOf<K extends PortfolioTableKey> = (typeof PORTFOLIO_TABLES)[K]["columns"][number]["name"];

/** A portfolio cell as the gather reads and writes it. */
export type PortfolioCell = string | number | boolean;

/** One table row, by column name; a missing column is blank. */
export type PortfolioRow<K extends PortfolioTableKey = PortfolioTableKey> = Partial<Record<ColumnOf<K>, PortfolioCell>>;

export type PortfolioRows = { [K in PortfolioTableKey]: PortfolioRow<K>[] };

/** The columns of a table that a gather never overwrites once typed. */
export function ownedByPortfolio(key: PortfolioTableKey): string[] {
  return PORTFOLIO_TABLES[key].columns.filter((c) => c.owner === "portfolio").map((c) => c.name);
}

/** The README's table of the data model: table, column, type, owner, meaning. */
export function schemaMarkdown(): string {
  const lines = ["| table | column | type | kept by | meaning |", "| --- | --- | --- | --- | --- |"];
  for (const t of Object.values(PORTFOLIO_TABLES) as PortfolioTable[]) {
    for (const c of t.columns) lines.push(`| ${t.name} | ${c.name} | ${c.type} | ${c.owner} | ${c.meaning.replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n");
}
