/**
 * `npm run community-images`: the Community listing's 128×128 icon and 1920×1080 cover, made
 * from the playground running the real plugin against the emulator, so they show the product
 * as it is. Writes docs/community/icon.png and docs/community/cover.png.
 */
import sharp from 'sharp';
import { openSession, startHarness } from '../test/e2e/harness.ts';

const h = await startHarness();
try {
  const s = await openSession(h, { viewport: { width: 1920, height: 1080 } });
  await s.useKey();
  await s.select('Box front');
  await s.prompt('Make the box deep indigo with a copper foil band');
  await s.ui.getByLabel('Variations').fill('2');
  await s.generate();
  await s.ui.getByText(/^Placed 2 images beside “Box front”/).waitFor({ timeout: 60_000 });
  await s.page.evaluate(() => window.playground.focus('Box front'));
  await s.page.waitForTimeout(300);
  await s.page.screenshot({ path: 'docs/community/cover.png' });
  const result = await s.page.locator('[data-name="Box front — Riverflow 1"] img').screenshot();
  await sharp(result).resize(128, 128, { fit: 'cover', position: 'centre' }).png().toFile('docs/community/icon.png');
  console.log('community-images: docs/community/cover.png (1920×1080) and docs/community/icon.png (128×128)');
  await s.context.close();
} finally {
  await h.close();
}
