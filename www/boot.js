// Loads the playground (Trunk's inline loader is not allowed by the page's CSP) and shows a
// banner when it cannot start or stops because of an internal error.
const script = document.querySelector("script[data-js]");

// The engine (every rule and simulator) runs in a Web Worker, and for small files on the main
// thread too (a worker's reply reaches the page only after the next frame). Its wasm is fetched
// and compiled once, as soon as the shell's own files are in (so that it never slows the editor
// down), while the shell starts; the shell hands the compiled module to the worker and creates
// the main-thread instance with `cicdInlineEngine`.
window.cicdCompileEngine = () =>
  WebAssembly.compileStreaming(fetch("cicd-worker_bg.wasm", { priority: "low" }));
function startEngine() {
  window.cicdEngineModule = window.cicdCompileEngine();
  // A failure is reported by the shell when it asks for the module.
  window.cicdEngineModule.catch(() => {});
}
window.cicdInlineEngine = async () => {
  const engine = await import("./cicd-worker.js");
  await engine.default({ module_or_path: await window.cicdEngineModule });
  return new engine.InlineEngine();
};

// The simulation panels (a second wasm module on the page, with their own stylesheet) are
// prefetched once the engine's wasm is in (below), or loaded at once when a panel is needed
// earlier; the shell mounts them where a file's panel goes.
let panels = null;
let panelStyles = null;
function loadPanelStyles() {
  return (panelStyles ??= new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "cicd-panels.css";
    // Unstyled panels still work: only the module's own failure is reported.
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve);
    document.head.append(link);
  }));
}
window.cicdPanels = () =>
  (panels ??= Promise.all([
    import("./cicd-panels.js").then(async (module) => {
      await module.default({ module_or_path: "cicd-panels_bg.wasm" });
      return module;
    }),
    loadPanelStyles(),
  ]).then(([module]) => module));

function fatalBanner(message) {
  if (document.querySelector(".fatal-banner")) return;
  const banner = document.createElement("div");
  banner.className = "fatal-banner";
  banner.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = "The playground stopped because of an internal error.";
  const text = document.createElement("span");
  text.textContent = " Your text is kept: it is saved in this browser and restored when you reload.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => location.reload());
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "Details";
  const pre = document.createElement("pre");
  pre.textContent = message;
  details.append(summary, pre);
  banner.append(title, text, reload, details);
  document.body.prepend(banner);
}
window.cicdShowFatal = fatalBanner;

try {
  // The shell's JS and the editor bundle, then the shell's wasm (preloaded by the page).
  const bindings = await import(script.dataset.js);
  const wasm = await fetch(script.dataset.wasm).then((r) => {
    if (!r.ok) throw new Error(`${script.dataset.wasm}: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  startEngine();
  await bindings.default({ module_or_path: wasm });
  // Prefetched once the engine is in (the first diagnostics come first on a slow network); the
  // shell loads them at once if a panel is needed earlier.
  window.cicdEngineModule
    .then(() => window.cicdPanels())
    .catch(() => {
      // Reported by the shell where the panel goes; a later attempt (a reload) may succeed.
      panels = null;
    });
  window.wasmBindings = bindings;
  document.documentElement.dataset.ready = "true";
} catch (error) {
  fatalBanner(`The playground could not start: ${error}`);
}
