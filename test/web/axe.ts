/// <reference lib="dom" />
/** axe's serious and critical violations on what the page shows now, named by rule and element. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe in one pass in the page (`axe.run`), keeping only violations' nodes. The default
 * (`runPartial`, then `finishRun` in a new blank page with axe injected again, and every pass
 * and inapplicable node serialised across) took 3-9 s a screen here against 1-2.5 s; the
 * screens have no frames, which is what the default is for. A button without a name, grey on
 * white and an image without alt are still reported this way (checked on a page made for it).
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/** Within `include` (a selector) when given, else the whole page. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // A dialog still fading in has its text at part opacity: axe would measure that contrast.
  // (Endless ones, such as a loader's spin, are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
  const builder = axe(page);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 4).map((node) => `${v.id} ${node.target.join(' ')}`));
}
