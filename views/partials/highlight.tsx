/**
 * An alinéa with the words that justify a tag highlighted (<mark>), built from offsets: the text
 * stays text, escaped by JSX.
 */

/** Renders `text` with the [start, end) ranges marked; overlapping ranges are merged. */
export function Highlighted(props: { text: string; ranges: ReadonlyArray<{ start: number; end: number; title: string }> }) {
  const ranges = [...props.ranges]
    .filter((r) => r.end > r.start && r.start >= 0 && r.end <= props.text.length)
    .sort((a, b) => a.start - b.start);
  const parts: Array<string | { text: string; title: string }> = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start < at) continue;
    if (range.start > at) parts.push(props.text.slice(at, range.start));
    parts.push({ text: props.text.slice(range.start, range.end), title: range.title });
    at = range.end;
  }
  if (at < props.text.length) parts.push(props.text.slice(at));
  return <>{parts.map((p) => (typeof p === "string" ? p : <mark title={p.title}>{p.text}</mark>))}</>;
}
