/**
 * A wide table kept inside the page: it scrolls sideways on a narrow screen instead of making
 * the whole page wider. Named and focusable, so that the keyboard can scroll it too.
 */
import type { Child } from "hono/jsx";

export function TableScroll(props: { label: string; children: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
