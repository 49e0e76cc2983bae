/** One sample of a Prometheus text exposition: `name{labels} value`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(?:,|$)/;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests (prom-client writes it but has
 * no parser): every line must be HELP, TYPE or a sample; every sample's metric has a TYPE
 * declared before it (histogram and summary suffixes allowed); labels are quoted and escaped;
 * values are numbers, NaN or ±Inf. Throws on the first line that is not, naming it.
 */
export function parsePrometheusText(text: string): PrometheusSample[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${index + 1} "${line}"`;
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = TYPE.exec(line);
      if (type) {
        if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
        types.set(type[1]!, type[2]!);
      } else if (!HELP.test(line)) throw new Error(`${where}: a comment that is neither HELP nor TYPE`);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`${where}: not a sample`);
    const [, name, labelText, valueText] = match as unknown as [string, string, string | undefined, string];
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count|total)$/, '');
    if (!types.has(family)) throw new Error(`${where}: ${name} has no TYPE before it`);
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : valueText === 'NaN' ? NaN : Number(valueText);
    if (Number.isNaN(value) && valueText !== 'NaN') throw new Error(`${where}: ${valueText} is not a number`);
    samples.push({ name, labels: parseLabels(labelText ?? '', where), value });
  }
  return samples;
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const label = LABEL.exec(rest);
    if (!label) throw new Error(`${where}: bad labels at "${rest}"`);
    if (label[1]! in labels) throw new Error(`${where}: label ${label[1]} twice`);
    labels[label[1]!] = label[2]!.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(label[0].length);
  }
  return labels;
}

/** The value of the one sample named so with exactly these labels (throws if there is none). */
export function sampleValue(samples: readonly PrometheusSample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.find((s) => s.name === name && Object.keys(s.labels).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (!found) throw new Error(`no sample ${name}${JSON.stringify(labels)}`);
  return found.value;
}
