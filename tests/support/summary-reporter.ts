/** Ends every run with one plain line, `N passed, N failed`, that CI reads. */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'skipped') this.skipped++;
    // Count a test once, on its last attempt.
    else if (result.retry === test.retries || result.status === 'passed') {
      if (test.outcome() === 'expected' || test.outcome() === 'flaky') this.passed++;
      else this.failed++;
    }
  }

  onEnd(_result: FullResult) {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    console.log(`\n${this.passed} passed, ${this.failed} failed${skipped}`);
  }
}
