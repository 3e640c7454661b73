/** What every suite of `cswb bench` is given. */
export interface BenchOptions {
  /** Seeded data for suites that use the synthetic city (`small` in smoke mode). */
  size: 'small' | 'city';
  /** Seconds of load per measured run. */
  seconds: number;
  /** Concurrent clients of the load generator. */
  concurrency: number;
  /** Measured runs per scenario; figures are medians over them, with min and max. */
  repeats: number;
  /** A few seconds in all, on small data: only proves the suite still runs (CI). */
  smoke: boolean;
  log: (line: string) => void;
}

/**
 * One section of docs/benchmarks.md: measured by `run`, printed as Markdown, and recorded by
 * `--write` between `<!-- bench:<id>:begin -->` and `<!-- bench:<id>:end -->`.
 */
export interface BenchSuite {
  id: string;
  /** One line for `cswb bench --help` and progress. */
  title: string;
  /** The file of docs/ `--write` records the section in, when not benchmarks.md. */
  document?: string;
  run(options: BenchOptions): Promise<string>;
}
