/**
 * The user guide's lists of what a returned form or a measure table file is refused for, and what
 * is noted, are held to the tests that prove each item (issue #17: "the README's list of what is
 * refused and what is noted matches the tests"). Each claim below is a phrase the guide must say
 * and the test (file, title or case text) that shows the reader doing it. Rewording the guide or
 * renaming a test breaks this on purpose: the list and the proofs move together.
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const guide = readFileSync(join(ROOT, "docs", "user-guide.md"), "utf8").replace(/\s+/g, " ");
const source = (file: string): string => readFileSync(join(ROOT, "test", "forms", file), "utf8");

interface Claim {
  /** Words the guide says (spaces and line breaks made single). */
  says: string;
  /** The test file, and a test title or case text in it that proves the claim. */
  proof: [file: string, title: string][];
}

const REFUSED_FORM: Claim[] = [
  { says: "a file that is not a spreadsheet (a PDF or Word file renamed, an old .xls)", proof: [["hostileFiles.test.ts", '["scan-renamed.xlsx", "not-a-spreadsheet"'], ["hostileFiles.test.ts", '["letter-renamed.xlsx"'], ["hostileFiles.test.ts", '["old-format.xlsx"']] },
  { says: "a password-protected or corrupt file", proof: [["hostileFiles.test.ts", '["encrypted.xlsx", "encrypted"'], ["hostileFiles.test.ts", "refuses a truncated download as damaged"]] },
  { says: "a file over **10 MB**", proof: [["hostileFiles.test.ts", "refuses a file over the size limit before reading it"]] },
  { says: "unpacks to more than **100 MB**", proof: [["hostileFiles.test.ts", '["zip-bomb-declared.xlsx", "too-expanded"'], ["hostileFiles.test.ts", "refuses a zip bomb that declares a small size but unpacks to far more"]] },
  { says: "holds a sheet of more than **100,000 rows** (rows present, not row numbers)", proof: [["hostileFiles.test.ts", "refuses a 1,000,000-row sheet before building it"], ["hostileFiles.test.ts", "the row limit counts rows present"]] },
  { says: "a form for another tender", proof: [["hostileFiles.test.ts", "refuses a form for another tender"], ["responseForm.test.ts", "a form for another tender is refused, naming both contracts"]] },
  { says: "a form from a newer version of the add-in", proof: [["hostileFiles.test.ts", "a form from a newer version of the add-in"]] },
  { says: "a form without the bidder's name", proof: [["responseForm.test.ts", "says the bidder's name is blank"]] },
  { says: "several files for the same bidder at once", proof: [["responseFormNames.test.ts", "refuses two returned forms whose names differ only by hidden characters, spaces, width or case as two files for one bidder"]] },
  { says: "two parts with one name or names differing only in case", proof: [["hostileFiles.test.ts", '["duplicate-part.xlsx"'], ["hostileFiles.test.ts", '["case-twin.xlsx"']] },
  { says: "a name that differs between the package's two tables or has a second hidden name", proof: [["hostileFiles.test.ts", '["local-name-differs.xlsx"'], ["hostileFiles.test.ts", '["unicode-path.xlsx"']] },
  { says: "bytes before, between or overlapping its parts", proof: [["hostileFiles.test.ts", '["prepended.xlsx"'], ["hostileFiles.test.ts", '["hidden-entry.xlsx"'], ["hostileFiles.test.ts", '["overlap.xlsx"']] },
  { says: 'a folder that is also a part, a "." or ".." in a name', proof: [["hostileFiles.test.ts", '["folder-and-file.xlsx"'], ["hostileFiles.test.ts", '["dot-folder.xlsx"']] },
  { says: 'a small file in the 64-bit zip format (said as such, never "more than 4 GB")', proof: [["hostileFiles.test.ts", "tells a small file using the 64-bit zip format what is wrong, not that it unpacks to more than 4 GB"]] },
  { says: "a part nested more than 64 deep or with a document type declaration", proof: [["hostileFiles.test.ts", '"deeply-nested.xlsx"'], ["hostileFiles.test.ts", '"entity-expansion.xlsx"']] },
  { says: "more than **30 MB** of content or **250,000** cells, rows, strings and formats together", proof: [["hostileFiles.test.ts", '"millions-of-cells.xlsx"'], ["hostileFiles.test.ts", '"many-shared-strings.xlsx"'], ["hostileFiles.test.ts", '"huge-styles.xlsx"']] },
  { says: "a sheet with two rows of one number, two values for one cell, a cell saved on another row than its address, or a row or column setting beyond Excel's grid", proof: [["hostileHunt.test.ts", "refuses a second row 2 rather than let it replace the first"], ["hostileHunt.test.ts", "refuses a second F2 rather than read the last"], ["hostileHunt.test.ts", "refuses a cell saved on another row than its address says"], ["hostileHunt.test.ts", '"row-past-the-grid.xlsx"'], ["hostileHunt.test.ts", '"column-entry-a-billion-wide.xlsx"']] },
  { says: "a cell whose shared text is missing", proof: [["hostileHunt.test.ts", "refuses a shared-text cell pointing at entry 1.9"]] },
  { says: "a part written in an encoding other than UTF-8 or UTF-16 (named), or binding one namespace prefix to two meanings", proof: [["hostileHunt.test.ts", "names the encoding of a part saved as ISO-8859-1"], ["hostileHunt.test.ts", "refuses a part that binds one prefix to two namespaces, saying so"]] },
  { says: "number formats longer than **100,000** characters in all", proof: [["hostileHunt.test.ts", '"format-of-millions.xlsx"']] },
  { says: "sheets that together reach more than **300,000** columns", proof: [["hostileHunt.test.ts", '"many-sheets-to-xfd.xlsx"']] },
];

const NOTED_FORM: Claim[] = [
  { says: "Text saved in CDATA sections, cells written with a namespace prefix (as the Open XML SDK writes) and parts saved in UTF-16 are read as Excel reads them", proof: [["hostileHunt.test.ts", "reads the bidder's name saved in CDATA"], ["hostileHunt.test.ts", "reads a cell whose elements carry the main namespace's prefix (x:c), and keeps every other row"], ["hostileHunt.test.ts", "reads shared strings saved in UTF-16, as XML allows"]] },
  { says: "a % format of any length is read by its sections", proof: [["hostileHunt.test.ts", "reads 0.4 shown through a 1,200-character % format as 40"]] },
  { says: "A name made only of accents with no letter, or of format marks that show nothing, is no name", proof: [["hostileHunt.test.ts", "treats %s as no name"], ["hostileHunt.test.ts", "keeps a name whose accent sits on a letter"]] },
  { says: "Only values come in: a formula contributes its saved result", proof: [["responseForm.test.ts", "reads a formula the bidder typed as its saved result, never as a formula"], ["hostileFiles.test.ts", "reads real formulas (a HYPERLINK, a DDE call) as their saved results only"]] },
  { says: "text that starts with `=`, `+`, `-` or `@` stays text", proof: [["hostileFiles.test.ts", "reads formula-like text in every input column as that exact text, with a note"]] },
  { says: "links to other workbooks, macros and embedded objects are ignored (and the report says so)", proof: [["hostileFiles.test.ts", "ignores links to other workbooks, macros and embedded objects, and says so"]] },
  { says: "on a % measure a cell showing 40% is 40, whether it holds 0.4 (a % format) or 40 (a % sign written beside it)", proof: [["numbersAsSeen.test.ts", "a number read as the cell showed it"], ["responseForm.test.ts", "rescales a %-formatted cell only on a percentage measure"]] },
  { says: "a number its format hides, shows in thousands (40,000 as 40), pads with digits, or shows with a % on a measure not counted in %", proof: [["numbersAsSeen.test.ts", "reads a number the format hid, and names the cell"], ["numbersAsSeen.test.ts", "reads a £ figure shown in thousands as the full figure, and names the cell"], ["numbersAsSeen.test.ts", "reads a number shown with digits the format adds as the number held, and names the cell"], ["numbersAsSeen.test.ts", "notes a % shown on a measure not counted in %, keeping the number held"]] },
  { says: "A cell saved as a number that holds something else (“12abc”, “1,5”, `INF`, a figure beyond Excel's range, a date, text split by a comment) is read as that text and noted", proof: [["numbersAsSeen.test.ts", "reads %p as that text, never as blank or part of it, and names the cell"], ["numbersAsSeen.test.ts", '["1E+999"'], ["numbersAsSeen.test.ts", '<v>1<!-- -->2abc</v>']] },
  { says: "Only the form's own sheets are read: other sheets are noted and not read", proof: [["hostileFiles.test.ts", "reads only the form's sheets, and says which others were not read"]] },
  { says: "A value on a row numbered far below the others is read, not dropped", proof: [["hostileFiles.test.ts", "reads a value on a row numbered far past the others"]] },
  { says: "a ref the sheet cannot match holds the bid (SV126: retype it)", proof: [["responseFormNames.test.ts", "refs on a returned form"]] },
];

const TABLE_FILE: Claim[] = [
  { says: "A CSV is refused, naming the line, when a quote is never closed or is followed by more text", proof: [["csvImport.test.ts", "refuses a file with a quote never closed, naming its line"], ["csvImport.test.ts", "refuses a quoted value with text after its closing quote, naming its line"]] },
  { says: "when it has more than **100,000 rows** or **2,000,000 values**", proof: [["csvImport.test.ts", "refuses more rows than one table may hold, counting them before splitting anything"], ["csvImport.test.ts", "refuses millions of values, such as a row of delimiters as long as the file allows"]] },
  { says: 'a "Unicode Text" (UTF-16) file is refused with how to save it as "CSV UTF-8" (returned forms too)', proof: [["csvImport.test.ts", "names a Unicode Text (UTF-16) export, %s, and says how to save it as CSV"]] },
  { says: "a file that mixes UTF-8 and Windows-1252 (both read; the lines to check are named)", proof: [["csvImport.test.ts", "reads a file that turns from UTF-8 to Windows-1252 part-way, and says which lines to check"]] },
  { says: "a value over 1,000 characters (cut to 1,000; the first row named)", proof: [["csvImport.test.ts", "notes text cut to the cell limit, naming the first row"]] },
  { says: "values beyond the first 200 columns (not read)", proof: [["csvImport.test.ts", "notes values beyond the widest table read"]] },
  { says: "A CSV's delimiter is chosen from its header and rows sampled through the whole file", proof: [["csvImport.test.ts", "is found from the header and rows through the file"], ["csv.test.ts", "samples rows through the whole file, not only the first"]] },
  { says: "a proxy such as `1.500` in a semicolon or tab file that shows neither style (£1,500 or £1.50?) is listed and asked about, never read as 1.5", proof: [["csvImport.test.ts", "is asked about, never read as 1.5, when nothing in the file shows which separator is the decimal one"]] },
  { says: "Codes in the ref, unit, theme, outcome and other text columns (such as `1.1`) are never taken as evidence of the decimal style", proof: [["hostileHunt.test.ts", "asks about 20.000 in a semicolon file whose only dotted values elsewhere are theme codes, never reading 20"]] },
  { says: "one with a value past row 100,000 is refused rather than cut", proof: [["hostileFiles.test.ts", "the measure-table import refuses it rather than drop it"]] },
];

describe.each([
  ["what a returned form is refused for", REFUSED_FORM],
  ["what reading a returned form notes or makes safe", NOTED_FORM],
  ["what a measure table file is refused for or noted for", TABLE_FILE],
])("the user guide's list of %s", (_, claims) => {
  it.each(claims.map((c) => [c.says, c] as const))("says “%s”, and a test proves it", (_says, claim) => {
    expect(guide).toContain(claim.says);
    for (const [file, title] of claim.proof) expect([file, source(file).includes(title)]).toEqual([file, true]);
  });
});
