/// <reference lib="dom" />
/** axe's serious and critical violations on what the page shows now, named by rule and element. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function seriousViolations(page: Page): Promise<string[]> {
  // A dialog still fading in has its text at part opacity: axe would measure that contrast.
  // (Endless ones, such as a loader's spin, are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 4).map((node) => `${v.id} ${node.target.join(' ')}`));
}
