/**
 * What the self-test finds, as the pane shows it and as the user copies it into a support
 * email. Each check's detail is a sentence for an evaluator, not a programmer: what was seen in
 * this Excel and what it means for the evaluation.
 */

/**
 * pass: this Excel does what the add-in expects. differs: it does something else, which the
 * add-in allows for (the detail says how, and what is left to the user). fail: something the
 * evaluation needs does not work here. not run: the add-in could not check it from inside.
 */
export type Verdict = "pass" | "differs" | "fail" | "not run";

export type CheckId = "requirement-sets" | "shared-runtime" | "ribbon" | "blank-cells" | "apostrophe" | "calculated-columns" | "large-request" | "scratch-sheet";

export interface SelfTestCheck {
  readonly id: CheckId;
  readonly title: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** What support needs to know about the Excel the test ran in; undefined where Office did not say. */
export interface SelfTestFacts {
  readonly addInVersion: string;
  /** Office.context.diagnostics: "Excel", "OfficeOnline" or "PC" or "Mac", "16.0.17928.20114". */
  readonly host: string | undefined;
  readonly platform: string | undefined;
  readonly officeVersion: string | undefined;
  readonly language: string | undefined;
  /** The highest version found of each set the add-in uses ("ExcelApi 1.17"); empty when Office gave no way to ask. */
  readonly requirementSets: readonly string[];
  /** Excel's calculation mode ("Automatic", "Manual"…), read from the workbook. */
  readonly calculationMode: string | undefined;
  /** When the test ran, as an ISO date and time. */
  readonly ranAt: string;
}

export interface SelfTestReport {
  readonly facts: SelfTestFacts;
  readonly checks: readonly SelfTestCheck[];
}

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = { pass: "PASS", differs: "DIFFERS", fail: "FAIL", "not run": "NOT RUN" };

/** The verdict as the report writes it. */
export function verdictWord(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

/**
 * The report as plain text, to paste into an email: no tabs or markup, so it reads the same in
 * any mail client, and every line stands alone for someone reading it aloud on the phone.
 */
export function reportText(report: SelfTestReport): string {
  const f = report.facts;
  const known = (value: string | undefined): string => value ?? "not known";
  const lines = [
    "Social value add-in: self-test report",
    `Add-in version: ${f.addInVersion}`,
    `Excel: ${known(f.host)} on ${known(f.platform)}, version ${known(f.officeVersion)}`,
    `Language: ${known(f.language)}`,
    `Requirement sets: ${f.requirementSets.length > 0 ? f.requirementSets.join(", ") : "not known"}`,
    `Calculation: ${known(f.calculationMode)}`,
    `Run at: ${f.ranAt}`,
    "",
    ...report.checks.flatMap((c) => [`${c.title}: ${verdictWord(c.verdict)}`, `  ${c.detail}`]),
  ];
  return lines.join("\n");
}

/** What one check found: its verdict and the sentence that explains it. */
export type Finding = Pick<SelfTestCheck, "verdict" | "detail">;
