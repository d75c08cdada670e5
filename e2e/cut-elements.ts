import type { Locator } from "@playwright/test";

// Finds text that a layout cuts off and measures scroll boxes, for the specs
// that check a part of the page at one viewport width. Each check runs in
// the page, so each function carries its own helpers.

/**
 * Lists the text of every element inside `panel` that reaches past its right
 * edge or clips its own content, such as a shrunk button's label. What sits
 * in a scroll container may be wider, so it is left out.
 */
export function cutTexts(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const right = root.getBoundingClientRect().right;
    const scrolls = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return overflowX === "auto" || overflowX === "scroll";
    };
    const insideScroll = (element: Element) => {
      for (let at = element.parentElement; at && at !== root;) {
        if (scrolls(at)) return true;
        at = at.parentElement;
      }
      return false;
    };
    const clipsContent = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return (
        (overflowX === "hidden" || overflowX === "clip") &&
        element.scrollWidth > element.clientWidth + 1
      );
    };
    return [...root.querySelectorAll("*")]
      .filter((element) => !insideScroll(element) && !scrolls(element))
      .filter(
        (element) =>
          element.getBoundingClientRect().right > right + 1 ||
          clipsContent(element),
      )
      .map((element) => element.textContent?.slice(0, 60) ?? "");
  });
}

/**
 * Lists the text of every element that `targets` matches and that is not
 * wholly inside the visible box of its nearest scroll container, or that
 * clips its own content or a descendant's. Unlike cutTexts it checks what
 * sits in a scroll container, such as row buttons that must stay in view
 * while their table scrolls sideways.
 */
export function cutInScrollTexts(targets: Locator): Promise<string[]> {
  return targets.evaluateAll((elements) => {
    const scrolls = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return overflowX === "auto" || overflowX === "scroll";
    };
    const clipsContent = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return (
        (overflowX === "hidden" || overflowX === "clip") &&
        element.scrollWidth > element.clientWidth + 1
      );
    };
    const outsideScrollBox = (element: Element) => {
      let box = element.parentElement;
      while (box && !scrolls(box)) box = box.parentElement;
      if (!box) return false;

      const left = box.getBoundingClientRect().left + box.clientLeft;
      const right = left + box.clientWidth;
      const rect = element.getBoundingClientRect();
      return rect.left < left - 1 || rect.right > right + 1;
    };
    return elements
      .filter(
        (element) =>
          outsideScrollBox(element) ||
          [element, ...element.querySelectorAll("*")].some(clipsContent),
      )
      .map((element) => element.textContent?.slice(0, 60) ?? "");
  });
}

/**
 * Returns the content width and the visible width of the nearest scroll
 * container around `element`, or zeros when there is none.
 */
export function scrollBoxSizes(
  element: Locator,
): Promise<{ scroll: number; client: number }> {
  return element.evaluate((start) => {
    let at = start.parentElement;
    while (at && !["auto", "scroll"].includes(getComputedStyle(at).overflowX))
      at = at.parentElement;
    return { scroll: at?.scrollWidth ?? 0, client: at?.clientWidth ?? 0 };
  });
}
