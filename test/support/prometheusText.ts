/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it throws
 * on the first line a Prometheus server would reject or misread, and checks what the format
 * requires of a whole scrape (one TYPE per family, before its samples, families not interleaved,
 * no duplicate series, histograms cumulative with `+Inf` equal to `_count`).
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help?: string;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const;

/** As Prometheus reads it (Go's ParseFloat): NaN and Inf in any case (prom-client writes "Nan"). */
function parseValue(text: string, line: number): number {
  if (/^[-+]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: "${text}" is not a sample value`);
  return Number(text);
}

/** `{a="x",b="y\"z"}` from `start` (at `{`): the labels and the index after `}`. */
function parseLabels(text: string, start: number, line: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  while (text[i] !== '}') {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${line}: label without "="`);
    const name = text.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`line ${line}: "${name}" is not a label name`);
    if (name in labels) throw new Error(`line ${line}: label "${name}" twice`);
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label "${name}" value is not quoted`);
    let value = '';
    let j = eq + 2;
    for (;;) {
      const c = text[j];
      if (c === undefined) throw new Error(`line ${line}: unterminated label value`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[j + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`line ${line}: bad escape "\\${next}" in label value`);
        j += 2;
        continue;
      }
      value += c;
      j += 1;
    }
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i += 1;
    else if (text[i] !== '}') throw new Error(`line ${line}: expected "," or "}" after label "${name}"`);
  }
  return { labels, end: i + 1 };
}

/** The family a sample name belongs to, given the declared types. */
function familyOf(sample: string, types: ReadonlyMap<string, MetricFamily['type']>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!sample.endsWith(suffix)) continue;
    const base = sample.slice(0, -suffix.length);
    const type = types.get(base);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
  }
  return sample;
}

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition does not end with a line feed');
  const families = new Map<string, MetricFamily>();
  const types = new Map<string, MetricFamily['type']>();
  const seriesSeen = new Set<string>();
  const closed = new Set<string>();
  let current: string | undefined;
  const lines = text.split('\n').slice(0, -1);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const match = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(raw);
      if (!match) return; // another comment
      const [, kind, name, rest = ''] = match;
      if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: "${name}" is not a metric name`);
      const family = families.get(name) ?? { name, type: 'untyped' as const, samples: [] };
      if (closed.has(name) || (family.samples.length > 0)) throw new Error(`line ${line}: ${kind} of ${name} after its samples`);
      if (kind === 'TYPE') {
        if (types.has(name)) throw new Error(`line ${line}: second TYPE for ${name}`);
        if (!(TYPES as readonly string[]).includes(rest)) throw new Error(`line ${line}: unknown type "${rest}"`);
        types.set(name, rest as MetricFamily['type']);
        family.type = rest as MetricFamily['type'];
      } else {
        if (family.help !== undefined) throw new Error(`line ${line}: second HELP for ${name}`);
        family.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      }
      families.set(name, family);
      if (current !== undefined && current !== name) closed.add(current);
      current = name;
      return;
    }
    const nameEnd = raw.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`line ${line}: no sample name`);
    const name = raw.slice(0, nameEnd);
    if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: "${name}" is not a metric name`);
    let labels: Record<string, string> = {};
    let rest = nameEnd;
    if (raw[nameEnd] === '{') ({ labels, end: rest } = parseLabels(raw, nameEnd, line));
    const fields = raw.slice(rest).trim().split(/ +/);
    if (fields.length < 1 || fields.length > 2 || fields[0] === '') throw new Error(`line ${line}: expected a value and at most a timestamp`);
    const value = parseValue(fields[0], line);
    if (fields[1] !== undefined && !/^-?\d+$/.test(fields[1])) throw new Error(`line ${line}: "${fields[1]}" is not a timestamp`);
    const familyName = familyOf(name, types);
    if (closed.has(familyName)) throw new Error(`line ${line}: samples of ${familyName} are not together`);
    if (current !== undefined && current !== familyName) closed.add(current);
    current = familyName;
    const family = families.get(familyName) ?? { name: familyName, type: 'untyped' as const, samples: [] };
    families.set(familyName, family);
    if (family.type === 'histogram' && name.endsWith('_bucket') && labels.le === undefined) throw new Error(`line ${line}: a histogram bucket without "le"`);
    if (family.type === 'summary' && name === familyName && labels.quantile === undefined) throw new Error(`line ${line}: a summary sample without "quantile"`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seriesSeen.has(key)) throw new Error(`line ${line}: series ${name}${JSON.stringify(labels)} twice`);
    seriesSeen.add(key);
    family.samples.push({ name, labels, value });
  });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

function checkHistogram(family: MetricFamily): void {
  const byLabels = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = byLabels.get(key) ?? { buckets: [] };
    byLabels.set(key, entry);
    if (sample.name.endsWith('_bucket')) entry.buckets.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    else if (sample.name.endsWith('_count')) entry.count = sample.value;
  }
  for (const [labels, { buckets, count }] of byLabels) {
    const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([, value], i) => {
      if (i > 0 && value < sorted[i - 1][1]) throw new Error(`${family.name}${labels}: buckets are not cumulative`);
    });
    const inf = sorted.find(([le]) => le === Infinity);
    if (!inf) throw new Error(`${family.name}${labels}: no +Inf bucket`);
    if (inf[1] !== count) throw new Error(`${family.name}${labels}: +Inf bucket ${inf[1]} is not _count ${count}`);
  }
}

/** Every sample name a scrape can answer: each sample's, and each declared family's with its type's suffixes. */
export function sampleNames(families: ReadonlyMap<string, MetricFamily>): Set<string> {
  const names = new Set<string>();
  for (const family of families.values()) {
    for (const sample of family.samples) names.add(sample.name);
    if (family.type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(family.name + suffix);
    else if (family.type === 'summary') for (const suffix of ['', '_sum', '_count']) names.add(family.name + suffix);
    else names.add(family.name);
  }
  return names;
}

/** The sum of the series of `sampleName` that carry `labels` (0 when none), e.g. `valueOf(families, 'x_total', { code: 'A' })`. */
export function valueOf(families: ReadonlyMap<string, MetricFamily>, sampleName: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const family of families.values()) {
    for (const sample of family.samples) {
      if (sample.name === sampleName && Object.entries(labels).every(([k, v]) => sample.labels[k] === v)) total += sample.value;
    }
  }
  return total;
}
