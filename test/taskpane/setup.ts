import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "util";
import { deserialize, serialize } from "v8";

// jsdom lacks TextEncoder and TextDecoder, which every browser and Office webview has; the Excel
// layer uses them to measure request sizes in bytes.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;

// jsdom lacks structuredClone too, which every browser has; the test Excel host (integration
// tests of the pane over Microsoft's Excel client) copies rules with it. Node's own serializer
// gives the same deep copy.
globalThis.structuredClone ??= (<T>(value: T): T => deserialize(serialize(value)) as T) as typeof globalThis.structuredClone;

// jsdom has no layout engine, and Fluent v9 leans on layout in two places these tests reach.

// 1. TabList's indicator and MessageBar's reflow observe sizes. Nothing under test depends on a
//    measured size, so a ResizeObserver that never reports stands in.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoopResizeObserver;

// 2. Tabster, which gives TabList its arrow keys and tab stops, skips any element it believes is
//    not displayed: one whose offsetParent is null, or any element at all while <body> has no
//    size. jsdom reports exactly that for everything, so arrow keys would never move. This
//    approximates layout: an element is displayed unless it or an ancestor is hidden or
//    display:none, and <body> has the size of a task pane. What only real layout can show
//    (focus rings, wrapping at 320px) is left to the browser tests.
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement): Element | null {
    const isShown = (element: HTMLElement): boolean => !element.hidden && getComputedStyle(element).display !== "none";
    for (let ancestor: HTMLElement | null = this.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
      if (!isShown(ancestor)) return null;
    }
    return isShown(this) ? this.parentElement : null;
  },
});

const paneRect = { x: 0, y: 0, top: 0, left: 0, width: 320, height: 640, right: 320, bottom: 640 };
HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return { ...paneRect, toJSON: () => paneRect };
};

// findBy… and waitFor give up after 1 s by default. A page's first showing loads its lazy chunk,
// which under jest means transforming that page's modules, and on the 2-core CI machine, while
// the other worker builds a large workbook, that took longer. A hang guard, not a speed check.
configure({ asyncUtilTimeout: 10_000 });
