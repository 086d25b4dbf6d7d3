/**
 * For a page of an edition in a folder (the Traditional one), once its own worker is ready: where
 * the base has no worker, register the stand-in there (../messages.ts STAND_IN), which shows this
 * edition's offline page for the other edition's pages without a network; where the stand-in is
 * there already, look for its new version (no page of its own does). Loaded by ./first-step.ts.
 */
import { SERVICE_WORKER_FILE, STAND_IN } from '../messages';

export async function standIn(base: string, folder: string): Promise<void> {
  const workers = navigator.serviceWorker;
  const url = `${base}${SERVICE_WORKER_FILE}?${STAND_IN}=${folder}`;
  const root = await workers.getRegistration(base);
  if (!root) await workers.register(url);
  else if (root.active?.scriptURL === url) await root.update();
}
