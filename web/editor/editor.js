// The playground's code editor: CodeMirror 6 with Go highlighting, line numbers,
// bracket matching and diagnostics (lint markers at their lines). Bundled by
// esbuild into dist/editor.js, a classic script that defines window.crossplayEditor
// for the Leptos page (web/src/main.rs) to drive.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { go } from '@codemirror/lang-go';
import { setDiagnostics, lintGutter } from '@codemirror/lint';

let view = null;
let onChange = null;
// Set while the page replaces the text, so that it is not reported back as an edit.
let replacing = false;

function extensions(lang) {
  return [
    lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
    bracketMatching(), indentOnInput(), indentUnit.of('\t'), EditorState.tabSize.of(8),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }), lintGutter(),
    keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !replacing && onChange) onChange(u.state.doc.toString());
    }),
    ...(lang ? [go()] : []),
  ];
}

function state(text, name) {
  return EditorState.create({ doc: text, extensions: extensions(/\.go$/.test(name || '')) });
}

window.crossplayEditor = {
  // Creates the editor in `parent` with `text`; `change(text)` is called on every edit.
  create(parent, text, name, change) {
    onChange = change;
    view = new EditorView({ state: state(text, name), parent });
  },
  // Shows another file (a fresh state: its own undo history and language).
  show(text, name) {
    if (!view) return;
    replacing = true;
    view.setState(state(text, name));
    replacing = false;
  },
  // Marks diagnostics: [{line, col, message}] (1-based, col in bytes as Go counts).
  diagnostics(list) {
    if (!view) return;
    const doc = view.state.doc;
    const ds = [];
    for (const d of list) {
      if (d.line < 1 || d.line > doc.lines) continue;
      const line = doc.line(d.line);
      const bytes = new TextEncoder().encode(line.text);
      const col = new TextDecoder().decode(bytes.slice(0, Math.max(0, d.col - 1))).length;
      const from = line.from + Math.min(col, line.length);
      ds.push({ from, to: Math.min(line.to, from + 1) || from, severity: 'error', message: d.message });
    }
    view.dispatch(setDiagnostics(view.state, ds));
  },
  // For tests and tools: the text, and a user-like edit replacing all of it.
  text: () => (view ? view.state.doc.toString() : ''),
  replace(text) {
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  },
};
