/**
 * Prints jest's totals as one plain line, `N passed, N failed[, N skipped]`, which CI reads to know
 * how many tests ran (jest's own summary is not in a form it recognises).
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = SummaryLineReporter;
