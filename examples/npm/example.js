// A live check for a docs page: every `.cicd-live` section's textarea is checked as you type,
// and its findings are listed below it. No framework, no bundler: the package's `web` build,
// loaded from where the page serves it. With npm, `npm install cicd-wasm` next to the page
// serves it from node_modules/; or copy node_modules/cicd-wasm/web/ anywhere and change the
// import below.
import init, { check } from "./node_modules/cicd-wasm/web/cicd.js";

await init();

for (const section of document.querySelectorAll(".cicd-live")) {
  const kind = section.dataset.kind;
  const source = section.querySelector("textarea");
  const list = section.querySelector(".diagnostics");
  const summary = section.querySelector(".cicd-summary");

  const render = () => {
    let diagnostics;
    try {
      diagnostics = check(kind, source.value);
    } catch (e) {
      summary.textContent = `Cannot check: ${e.message}`;
      list.replaceChildren();
      return;
    }
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    summary.textContent = diagnostics.length === 0
      ? "No problems found."
      : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    list.replaceChildren(...diagnostics.map((d) => {
      const item = document.createElement("li");
      item.dataset.code = d.code;
      item.dataset.severity = d.severity;
      item.dataset.line = String(d.line);
      // Choosing a finding selects its range: from16/to16 count UTF-16 code units, as textarea
      // selections (and every browser editor) do.
      const jump = document.createElement("button");
      jump.type = "button";
      jump.textContent = `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
      jump.addEventListener("click", () => {
        source.focus();
        source.setSelectionRange(d.from16, d.to16);
      });
      const rule = document.createElement("a");
      rule.href = d.url;
      rule.textContent = d.name;
      item.append(jump, " ", rule);
      if (d.help) {
        const help = document.createElement("p");
        help.className = "help";
        help.textContent = d.help;
        item.append(help);
      }
      return item;
    }));
  };

  source.addEventListener("input", render);
  render();
}
