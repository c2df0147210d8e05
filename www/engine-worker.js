// The engine's Web Worker entry. The page compiles the engine's wasm early (boot.js, in parallel
// with the shell) and posts the compiled module here first; the engine then takes over the
// worker's messages and says it is ready. Failing to start is reported like the engine's own
// stop, so the page keeps the text and offers to restart.
import init, { start_worker } from "./cicd-worker.js";

self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    await init({ module_or_path: event.data });
    start_worker();
  } catch (error) {
    self.postMessage({ Stopped: `the checks could not start: ${error}` });
  }
};
