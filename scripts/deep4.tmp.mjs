import { EditorState } from "@codemirror/state";
import { bracketMatching, syntaxTree, indentOnInput, ensureSyntaxTree } from "@codemirror/language";
import { languageFor } from "../crates/web/js/extras.js";
let fails = 0;
for (const ln of ["yaml", "json"]) {
  for (const n of [1000, 3000, 50000]) {
    for (const [shape, text] of [["flow", "[".repeat(n) + "]".repeat(n)], ["obj", "{\"a\":".repeat(n) + "1" + "}".repeat(n)], ["dash", "- ".repeat(n) + "x\n"]]) {
      let st = EditorState.create({ doc: "a: 1\n", extensions: [languageFor(ln), bracketMatching(), indentOnInput()] });
      let r = "";
      try {
        st = st.update({ changes: { from: 0, to: st.doc.length, insert: text }, selection: { anchor: n } }).state;
        r += "update ok, doc " + st.doc.length + " tree " + syntaxTree(st).length;
        st = st.update({ changes: { from: n, insert: "]" }, selection: { anchor: n + 1 } }).state;
        ensureSyntaxTree(st, st.doc.length, 1e9);
        r += ", type ok, full tree " + syntaxTree(st).length;
      } catch (e) { fails++; r += " THROW " + e.constructor.name + " " + (e.stack.split("\n")[1] || ""); }
      console.log(ln, shape, n, r);
    }
  }
}
// Still highlights normal text.
const st = EditorState.create({ doc: "a: [1, 2]\n", extensions: [languageFor("yaml")] });
console.log(ensureSyntaxTree(st, st.doc.length, 1e9).toString());
process.exit(fails);
