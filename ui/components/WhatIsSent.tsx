import { DEFAULT_MODEL, MODELS, publishedPrices } from '../../core/models.ts';
import { formatUsd } from '../../core/format.ts';

/**
 * What leaves the file, in plain words (Figma asks plugins to be open about user data that
 * leaves Figma). Shown with the key step on the first run, then one "What is sent" away.
 */
const prices = MODELS.flatMap(publishedPrices);
const cheapest = Math.min(...prices);
const dearest = Math.max(...prices);

export function WhatIsSent() {
  return (
    <section class="field what-is-sent" aria-labelledby="what-is-sent-title">
      <h2 class="label" id="what-is-sent-title">
        What is sent, and where
      </h2>
      <ul class="hint plain-list">
        <li>
          <strong>To Runware</strong> (api.runware.ai), only when you press Generate or Upscale: the frames you select and your pinned references, as images (a
          placed photo as its own file, without what the camera wrote into it: no GPS position, camera serial or author); your prompt; the model and size; and
          your Runware key, which pays for the images.
        </li>
        <li>
          <strong>Kept on this computer</strong>, in Figma’s storage for this plugin: your Runware key, your recent prompts, your settings, this month’s spend
          and runs still waiting to be placed.
        </li>
        <li>
          <strong>Written into this file</strong>, where anyone with the file can read it: each result’s prompt, model, size, seed, cost and run, and a small
          preview; your stars and pins.
        </li>
        <li>
          <strong>Paid from your own Runware account</strong>: {formatUsd(publishedPrices(DEFAULT_MODEL)[0]!)} per image with {DEFAULT_MODEL.name}, from{' '}
          {formatUsd(cheapest)} to {formatUsd(dearest)} with the others, estimated before each run. The plugin’s authors receive nothing: no key, no image, no
          analytics.
        </li>
      </ul>
      <p class="hint">The privacy policy (PRIVACY.md) and where to get help (SUPPORT.md) are on the plugin’s Community page.</p>
    </section>
  );
}
