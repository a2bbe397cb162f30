/**
 * After each test: a member of the Excel API the add-in used that the test host does not
 * implement fails the test by name, even when the add-in caught Excel's NotImplemented error
 * (test/excelHost/strictness.ts).
 */
import { takeUnimplemented } from "../excelHost/strictness";

afterEach(() => {
  const members = takeUnimplemented();
  if (members.length) {
    throw new Error(`The add-in used what the Excel host does not implement: ${[...new Set(members)].join(", ")}. Add it (test/excelHost/README.md, "Adding a member") or stop using it.`);
  }
});
