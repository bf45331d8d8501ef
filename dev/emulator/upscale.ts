import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { referenceKind, validateUpscale, type EmuError } from './contract.ts';
import { referenceBytes, serverMs, type Account } from './account.ts';
import { plainImage } from './images.ts';
import type { TaskState } from './state.ts';

/** The only price Runware shows for Clarity: its example answer for a ×2 upscale. */
export const UPSCALE_COST_USD = 0.0038;

/** Accepts (and charges) an `upscale` task: the input image, really resized by the factor. */
export async function submitUpscale(account: Account, task: Record<string, unknown>, data: object[]): Promise<(EmuError & { status?: number }) | undefined> {
  const problem = validateUpscale(task);
  if (problem) return problem;
  const id = task.taskUUID as string;
  if ((task.upscaleFactor as number) > account.behaviour.maxUpscaleFactor) {
    return {
      code: 'invalidUpscaleFactor',
      message: `Invalid value for 'upscaleFactor': must be at most ${account.behaviour.maxUpscaleFactor}.`,
      parameter: 'upscaleFactor',
    };
  }
  if (account.usedTaskUUIDs.has(id))
    return { code: 'duplicateTaskUUID', message: 'This taskUUID was already used; use a new UUID v4 per task.', parameter: 'taskUUID' };
  const image = (task.inputs as { image: string }).image;
  const known = referenceKind(image) !== 'uuid' || account.images.has(image) || account.uploads.has(image);
  if (!known) return { code: 'mediaNotFound', message: `Image ${image} was not found.`, parameter: 'inputs.image' };
  if (account.credits < UPSCALE_COST_USD) return { code: 'insufficientCredits', message: 'Insufficient credits to run this task.', status: 402 };
  account.credits -= UPSCALE_COST_USD;
  account.usedTaskUUIDs.add(id);
  account.charges.push({ taskUUID: id, numberResults: 1, cost: UPSCALE_COST_USD });
  const factor = task.upscaleFactor as number;
  const results = (async () => {
    const input = (referenceKind(image) === 'uuid' ? account.images.get(image)?.bytes : undefined) ?? (await referenceBytes(account, image));
    const meta = await sharp(input).metadata();
    const [width, height] = [(meta.width ?? 1) * factor, (meta.height ?? 1) * factor];
    const bytes = account.behaviour.cheapImages ? await plainImage(width, height, 'PNG') : await sharp(input).resize(width, height).png().toBuffer();
    const imageUUID = randomUUID();
    account.images.set(imageUUID, { bytes, mime: 'image/png' });
    const item: Record<string, unknown> = {
      // Clarity's results answer as the task they came from: `upscale`.
      taskType: 'upscale',
      taskUUID: id,
      imageUUID,
      ...(referenceKind(image) === 'uuid' ? { inputImageUUID: image } : {}),
    };
    if (account.behaviour.upscaleAnswer === 'media') {
      delete item.imageUUID;
      Object.assign(item, { mediaUUID: imageUUID, mediaURL: `${account.origin}/images/${imageUUID}.png` });
    } else if (task.outputType === 'base64Data') item.imageBase64Data = bytes.toString('base64');
    else if (task.outputType === 'dataURI') item.imageDataURI = `data:image/png;base64,${bytes.toString('base64')}`;
    else item.imageURL = `${account.origin}/images/${imageUUID}.png`;
    if (task.includeCost) item.cost = UPSCALE_COST_USD;
    return [item];
  })();
  const now = performance.now();
  const state: TaskState = {
    task,
    index: 0,
    acceptedAt: now,
    lastAskedAt: now,
    pollsLeft: account.behaviour.processingPolls,
    readyAt: now + serverMs(account.behaviour, 0),
    revealed: 0,
    results,
    error: null,
    errorShape: 'item',
    delivered: false,
  };
  results.then(
    () => (state.renderedAt = performance.now()),
    () => (state.renderedAt = performance.now()),
  );
  account.tasks.set(id, state);
  if (task.deliveryMethod === 'async') data.push({ taskType: 'upscale', taskUUID: id });
  else data.push(...(await results));
  return undefined;
}
