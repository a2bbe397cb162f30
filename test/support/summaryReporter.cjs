// Prints one closing line, "tests: N passed, N failed[, N skipped]", after jest's own
// summary, so CI logs state plainly how many tests ran.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : "");
    // Written at exit so it follows jest's own summary and is the log's last line.
    process.once("exit", () => process.stdout.write(`${line}\n`));
  }
}
module.exports = SummaryReporter;
