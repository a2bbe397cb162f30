/**
 * Every jest test file: the Excel host can read Microsoft's client and the API declarations
 * from node_modules (loaded only when a test makes a host), and after each test a member of the
 * Excel API the add-in used that the host does not implement fails the test by name, even when
 * the add-in caught Excel's NotImplemented error (test/excelHost/strictness.ts).
 */
import "../excelHost/nodeFiles";
import { takeUnimplemented } from "../excelHost/strictness";

afterEach(() => {
  const members = takeUnimplemented();
  if (members.length) {
    throw new Error(`The add-in used what the Excel host does not implement: ${[...new Set(members)].join(", ")}. Add it (test/excelHost/README.md, "Adding a member") or stop using it.`);
  }
});
