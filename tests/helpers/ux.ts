// Measurements of a page as a reader sees it in Chromium (issue 15): horizontal overflow, the size and spacing of
// tap targets (WCAG 2.2, 2.5.8 Target Size (Minimum)), link underlines over white space, "et al." kept on one
// line; and screenshots of every page at phone and desktop widths, light and dark, into test-results/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from './build';

/** Where the screenshots go (git-ignored). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/ux');

/** The widths every page is looked at: a phone and a desktop. */
export const WIDTHS = [390, 1280] as const;

/** The colour schemes every page is looked at. */
export const SCHEMES = ['light', 'dark'] as const;

/** The smallest target WCAG 2.2 allows without the spacing exception, in CSS pixels. */
export const TARGET_SIZE = 24;

/** A browser context as a reader's device: a phone (touch, coarse pointer) at 390 px, a desktop at 1280 px. */
export function openDevice(
  browser: Browser,
  width: (typeof WIDTHS)[number],
  colorScheme: (typeof SCHEMES)[number],
): Promise<BrowserContext> {
  const phone = width < 600;
  return browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    colorScheme,
    hasTouch: phone,
    isMobile: phone,
  });
}

/**
 * A full-page screenshot into SCREENSHOT_DIR. The viewport is stretched to the page's height instead of
 * Playwright's `fullPage` (which, on an emulated phone, drops the touch emulation while it captures, so
 * `pointer: coarse` styles would not show).
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

/** How far the document is wider than the viewport (0 when nothing overflows sideways). */
export function measureOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** One interactive element too small for WCAG 2.2's target size and not spaced or inline enough to be excused. */
export interface SmallTarget {
  /** What it is: tag, class and text. */
  target: string;
  width: number;
  height: number;
}

/**
 * The visible interactive elements (links, buttons, inputs, summaries, focusable elements) smaller than 24 × 24 px
 * that no exception of WCAG 2.2's 2.5.8 excuses: the spacing exception (a 24 px circle centred on the target
 * touches no other target, nor the circle of another small target) and the inline exception (a link inside a
 * sentence, whose size the line height of the text around it sets). `strict` selectors name targets that must be
 * 24 × 24 px themselves, whatever their spacing.
 */
export function findSmallTargets(page: Page, strict: string[] = []): Promise<SmallTarget[]> {
  return page.evaluate(
    ({ size, strict }) => {
      const selector =
        'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      interface Box {
        element: Element;
        rect: DOMRect;
        rects: DOMRect[];
      }
      const boxes: Box[] = [];
      for (const element of document.querySelectorAll(selector)) {
        // Hidden elements (in a closed <details> too), and visually hidden ones (clipped away), are no targets.
        if (!element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
        const style = getComputedStyle(element);
        if (style.clipPath !== 'none' || style.pointerEvents === 'none') continue;
        let rects = [...element.getClientRects()].filter((part) => part.width > 0 && part.height > 0);
        // A checkbox's or radio button's label activates it too: the two together are its target.
        if (element instanceof HTMLInputElement && element.labels) {
          for (const label of element.labels)
            rects.push(...[...label.getClientRects()].filter((part) => part.width > 0));
        }
        if (rects.length === 0) continue;
        const rect = new DOMRect(
          Math.min(...rects.map((part) => part.left)),
          Math.min(...rects.map((part) => part.top)),
          Math.max(...rects.map((part) => part.right)) - Math.min(...rects.map((part) => part.left)),
          Math.max(...rects.map((part) => part.bottom)) - Math.min(...rects.map((part) => part.top)),
        );
        if (rect.width <= 1 || rect.height <= 1) continue;
        rects = rects.filter((part) => part.height > 0);
        boxes.push({ element, rect, rects });
      }
      const small = (box: Box) => box.rect.width < size - 0.01 || box.rect.height < size - 0.01;
      const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      const circleTouches = (point: { x: number; y: number }, rect: DOMRect) => {
        const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
        const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
        return Math.hypot(dx, dy) < size / 2 - 0.01;
      };
      const isInline = (element: Element) => {
        if (getComputedStyle(element).display !== 'inline') return false;
        // In a sentence: the block around it holds words that are not targets.
        const block = element.parentElement?.closest('p, li, dd, td, div, span.related__meta');
        if (!block) return false;
        const copy = block.cloneNode(true) as Element;
        for (const inner of copy.querySelectorAll(selector)) inner.remove();
        return /[\p{L}\p{N}]{2,}/u.test(copy.textContent ?? '');
      };
      const failures: { target: string; width: number; height: number }[] = [];
      for (const box of boxes) {
        if (!small(box)) continue;
        const mustBeLarge = strict.some((rule) => box.element.matches(rule));
        if (!mustBeLarge) {
          if (isInline(box.element)) continue;
          const point = centre(box.rect);
          const crowded = boxes.some(
            (other) =>
              other !== box &&
              !other.element.contains(box.element) &&
              !box.element.contains(other.element) &&
              (other.rects.some((rect) => circleTouches(point, rect)) ||
                (small(other) && Math.hypot(centre(other.rect).x - point.x, centre(other.rect).y - point.y) < size)),
          );
          if (!crowded) continue;
        }
        const text = (box.element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        const className = box.element.getAttribute('class');
        failures.push({
          target: `${box.element.tagName.toLowerCase()}${className ? `.${className.split(' ').join('.')}` : ''} "${text}"`,
          width: Math.round(box.rect.width * 10) / 10,
          height: Math.round(box.rect.height * 10) / 10,
        });
      }
      return failures;
    },
    { size: TARGET_SIZE, strict },
  );
}

/**
 * Links whose box runs past their words: white space at the start or end of a link that the line shows (and the
 * underline runs over), e.g. "Zhengfu He␣" before "(8)". Returns the text of each such link.
 */
export function findLinksUnderlinedPastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const link of document.querySelectorAll('a[href]')) {
      const rects = [...link.getClientRects()].filter((rect) => rect.width > 0);
      if (rects.length === 0 || getComputedStyle(link).display !== 'inline') continue;
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      const words: DOMRect[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const start = text.search(/\S/);
        if (start < 0) continue;
        const end = text.length - (text.length - text.trimEnd().length);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        words.push(...[...range.getClientRects()].filter((rect) => rect.width > 0));
      }
      if (words.length === 0) continue;
      const left = Math.min(...rects.map((rect) => rect.left));
      const right = Math.max(...rects.map((rect) => rect.right));
      const wordsLeft = Math.min(...words.map((rect) => rect.left));
      const wordsRight = Math.max(...words.map((rect) => rect.right));
      // A line's own start and end drop their spaces; only spaces the line shows widen the link.
      if (wordsLeft - left > 1 || right - wordsRight > 1) found.push((link.textContent ?? '').trim());
    }
    return found;
  });
}

/** Each visible "et al." that a line break splits, or that starts a line apart from the name before it. */
export function findBrokenEtAl(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.search(/et\s+al\./);
      if (at < 0 || !node.parentElement || node.parentElement.closest('pre, .abstract, [hidden]')) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.slice(at).match(/et\s+al\./)![0].length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      if (rects.length === 0) continue;
      const tops = new Set(rects.map((rect) => Math.round(rect.top)));
      // The word before "et al." (the last name) must end on the line "et al." starts on.
      const before = document.createRange();
      const line = node.parentElement.closest('p, li, dd, span.related__meta') ?? node.parentElement;
      before.setStart(line, 0);
      before.setEnd(node, at);
      const previous = [...before.getClientRects()].filter((rect) => rect.width > 1).at(-1);
      const apart = previous !== undefined && Math.abs(previous.top - rects[0].top) > 2;
      if (tops.size > 1 || apart) found.push((line.textContent ?? '').replace(/\s+/g, ' ').trim().slice(-60));
    }
    return found;
  });
}
