// The editor's parts that can arrive after it is usable: syntax highlighting for YAML and JSON
// (and its dark style), the undo history, folding, bracket matching, indentation on input and the
// editing keymap (Tab indents, word and line moves, comments), the lint gutter and its keys
// (diagnostics come with the engine, later still), search, and completion and hover (their
// answers come from the engine, through the bridge). Loaded by bridge.js with a dynamic import;
// esbuild puts what it shares with bridge.js in a common chunk, so that CodeMirror's state and
// view exist once.
import { yamlLanguage } from "@codemirror/lang-yaml";
import { jsonLanguage } from "@codemirror/lang-json";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput, foldGutter, foldKeymap,
  indentUnit, HighlightStyle, Language, LanguageSupport,
} from "@codemirror/language";
import { Parser, Tree } from "@lezer/common";
import { tags } from "@lezer/highlight";
import { autocompletion } from "@codemirror/autocomplete";
import { hoverTooltip } from "@codemirror/view";

export { oneDarkTheme } from "@codemirror/theme-one-dark";

export { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
export { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";

/** Nesting deeper than this is not parsed (no YAML or JSON a person writes comes near it). */
export const MAX_DEPTH = 100;

/**
 * A parser that never throws and never builds a tree deeper than [`MAX_DEPTH`]: for such text
 * (and when `inner` throws) its parse is a tree of the top node alone, with no highlighting,
 * folding or bracket matching in that text until an edit makes it shallow again.
 *
 * Lezer parses inside the transaction that changed the text, and a throw there drops the
 * transaction: the edit is lost. It does throw: building the tree of deeply nested text (a paste
 * of 1,000 `[` then 1,000 `]`) recurses once per level and overflows the stack when less of it
 * is free (code not yet optimised has larger frames). The highlighter (`highlightTree`) also
 * recurses once per level, from a view plugin that CodeMirror switches off for good when it
 * throws. So the text a parse reads anew (what the reused fragments of earlier trees do not
 * cover) is first scanned for nesting, from the depth of the tree it follows: flow collections
 * (`[`, `{`) and compact block collections (`- - x`, `? ? x`). Nesting by hundreds of lines
 * each indented further is not bounded; a deep tree's throw while parsing is caught anyway (it
 * never loses an edit).
 */
export class Guarded extends Parser {
  constructor(inner) {
    super();
    this.inner = inner;
    // The trees this parser made bare: their fragments cover text that must be read again.
    this.bare = new WeakSet();
    this.warned = false;
  }

  createParse(input, fragments, ranges) {
    const kept = fragments.filter((f) => !this.bare.has(f.tree));
    const start = ranges[0].from;
    const end = ranges[ranges.length - 1].to;
    const bare = (to) => {
      const tree = new Tree(this.inner.topNode, [], [], to - start);
      this.bare.add(tree);
      return tree;
    };
    if (nestsDeeper(input, uncovered(start, end, kept), MAX_DEPTH)) {
      return {
        parsedPos: start,
        stoppedAt: null,
        stopAt(pos) { this.stoppedAt = pos; },
        advance() {
          this.parsedPos = this.stoppedAt ?? end;
          return bare(this.parsedPos);
        },
      };
    }
    const parse = this.inner.createParse(input, kept, ranges);
    const guard = this;
    return {
      get parsedPos() { return parse.parsedPos; },
      get stoppedAt() { return parse.stoppedAt; },
      stopAt(pos) { parse.stopAt(pos); },
      advance() {
        try {
          return parse.advance();
        } catch (e) {
          if (!guard.warned) {
            guard.warned = true;
            console.warn(`syntax highlighting stopped for this text: ${e}`);
          }
          return bare(parse.stoppedAt ?? end);
        }
      },
    };
  }
}

/** The parts of `from`–`to` that no fragment covers, each with the fragment that ends where it
 * starts (if any): `[from, to, before]`. */
function uncovered(from, to, fragments) {
  const out = [];
  let at = from, before = null;
  for (const f of [...fragments].sort((a, b) => a.from - b.from)) {
    if (f.from > at) out.push([at, Math.min(f.from, to), before]);
    if (f.to > at) {
      at = f.to;
      before = f;
    }
    if (at >= to) break;
  }
  if (at < to) out.push([at, to, before]);
  return out;
}

/** The collections (YAML's and JSON's) around the end of a reused fragment: how deep the text
 * after it starts. */
function depthAt(fragment, pos) {
  if (!fragment) return 0;
  let depth = 0;
  for (let n = fragment.tree.resolveInner(pos + fragment.offset, -1); n; n = n.parent) {
    if (/Sequence|Mapping|Array|Object/.test(n.name)) depth++;
  }
  return depth;
}

/** Whether the text of `regions` nests collections deeper than `limit`: flow collections (`[`,
 * `{`) and, on one line, compact block collections (`- - x`, `? ? x`), from the depth of the
 * tree the region follows. Brackets in strings and comments count too (a file of over a hundred
 * unclosed `{` in its commands is then not highlighted). */
function nestsDeeper(input, regions, limit) {
  for (const [from, to, before] of regions) {
    const text = input.read(from, to);
    let depth = depthAt(before, from), compact = 0, lineStart = true;
    if (depth > limit) return true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) { // \n
        lineStart = true;
        compact = 0;
        continue;
      }
      if (c === 91 || c === 123) { // [ {
        if (++depth + compact > limit) return true;
      } else if (c === 93 || c === 125) { // ] }
        if (depth > 0) depth--;
      }
      if (lineStart) {
        // `- x` and `? x`: a collection per indicator and blank at the start of a line.
        const next = text.charCodeAt(i + 1);
        if ((c === 45 || c === 63) && (next === 32 || next === 9)) {
          if (depth + ++compact > limit) return true;
          i++;
        } else if (c !== 32 && c !== 9) {
          lineStart = false;
        }
      }
    }
  }
  return false;
}

/** A language that nests none (as the `LRLanguage`s of YAML and JSON). */
class Unnested extends Language {
  get allowsNesting() { return false; }
}

/** `language` (an `LRLanguage`) with a [`Guarded`] parser. */
function guarded(language) {
  return new LanguageSupport(new Unnested(language.data, new Guarded(language.parser), [], language.name));
}

let yamlSupport = null, jsonSupport = null;

/** The language support of "yaml", "json" or anything else (plain text). */
export function languageFor(lang) {
  if (lang === "yaml") return (yamlSupport ??= guarded(yamlLanguage));
  if (lang === "json") return (jsonSupport ??= guarded(jsonLanguage));
  return [];
}

/** The undo history, folding, bracket matching, indentation: in the place of bridge.js's fold
 * placeholder. */
export function editing() {
  return [
    history(), foldGutter(), indentOnInput(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(), indentUnit.of("  "),
  ];
}

/** The editing keys, before the lint and search keys. */
export const editingKeymap = [indentWithTab, ...defaultKeymap, ...historyKeymap, ...foldKeymap];

// One Dark's highlight style with its two colours under 4.5:1 (coral 4.4:1, stone 3.9:1)
// brightened (WCAG AA on One Dark's background).
const coral = "#ef8f96", stone = "#a3abb9";
const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: "#c678dd" },
  { tag: [tags.name, tags.deleted, tags.character, tags.propertyName, tags.macroName], color: coral },
  { tag: [tags.function(tags.variableName), tags.labelName], color: "#61afef" },
  { tag: [tags.color, tags.constant(tags.name), tags.standard(tags.name)], color: "#d19a66" },
  { tag: [tags.definition(tags.name), tags.separator], color: "#abb2bf" },
  { tag: [tags.typeName, tags.className, tags.number, tags.changed, tags.annotation, tags.modifier, tags.self, tags.namespace], color: "#e5c07b" },
  { tag: [tags.operator, tags.operatorKeyword, tags.url, tags.escape, tags.regexp, tags.link, tags.special(tags.string)], color: "#56b6c2" },
  { tag: [tags.meta, tags.comment], color: stone },
  { tag: tags.strong, fontWeight: "bold" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.link, color: stone, textDecoration: "underline" },
  { tag: tags.heading, fontWeight: "bold", color: coral },
  { tag: [tags.atom, tags.bool, tags.special(tags.variableName)], color: "#d19a66" },
  { tag: [tags.processingInstruction, tags.string, tags.inserted], color: "#98c379" },
  { tag: tags.invalid, color: "#ffffff" },
]);

/** The dark theme's highlighting (with `oneDarkTheme` and bridge.js's contrast fixes). */
export const darkHighlighting = syntaxHighlighting(darkHighlight);

/**
 * Completion (Ctrl-Space, or as you type; arrows and Enter) and hover, answered by the engine:
 * `onAssist(what, text, offset)` resolves to its `AssistReport` (null when overtaken). Each
 * option and hover shows its one-line doc and a button to its rule's page (`onDocs(code)`).
 */
export function assist(onAssist, onDocs, appendInline) {
  // The word being typed: keys, values, condition keys (`token.actions…:sub`), quotes.
  const word = /[\w.\-\/:$*"']*$/;
  async function source(ctx) {
    const typed = ctx.matchBefore(/[\w.\-\/:$*]+/);
    if (!ctx.explicit && !typed) return null;
    let reply = null;
    try {
      reply = await onAssist("Complete", ctx.state.doc.toString(), ctx.pos);
    } catch (_) { return null; }
    if (!reply || ctx.aborted || !reply.items || reply.items.length === 0) return null;
    const options = reply.items.map((item) => ({
      label: item.label,
      apply: item.insert,
      type: item.kind === "key" ? "property" : "enum",
      detail: item.code || undefined,
      info: () => assistInfo(item.doc, item.code, onDocs, appendInline),
    }));
    return { from: reply.from16, to: Math.max(reply.to16, ctx.pos), options, validFor: word };
  }
  async function hover(view, pos) {
    let reply = null;
    try {
      reply = await onAssist("Hover", view.state.doc.toString(), pos);
    } catch (_) { return null; }
    const h = reply && reply.hover;
    if (!h) return null;
    return {
      pos: h.from16, end: h.to16, above: true,
      create: () => {
        const dom = assistInfo(h.doc, h.code, onDocs, appendInline, h.key);
        dom.classList.add("cicd-hover");
        return { dom };
      },
    };
  }
  return [
    autocompletion({ override: [source], icons: false }),
    hoverTooltip(hover, { hoverTime: 250 }),
  ];
}

/** The doc of a key or value: its line, and its rule's page. */
function assistInfo(doc, code, onDocs, appendInline, key) {
  const box = document.createElement("div");
  box.className = "cicd-tip cicd-assist";
  if (key) {
    const name = document.createElement("code");
    name.className = "cicd-tip-code";
    name.textContent = key;
    box.appendChild(name);
  }
  const line = document.createElement("span");
  appendInline(line, doc);
  box.appendChild(line);
  if (code) {
    const docs = document.createElement("button");
    docs.type = "button";
    docs.className = "cicd-tip-docs";
    docs.textContent = `Rule ${code}: read more`;
    docs.addEventListener("mousedown", (e) => e.preventDefault());
    docs.addEventListener("click", () => onDocs(code));
    const wrap = document.createElement("div");
    wrap.appendChild(docs);
    box.appendChild(wrap);
  }
  return box;
}
