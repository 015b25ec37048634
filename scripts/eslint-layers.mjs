// The layer fence of docs/architecture.md as one ESLint rule: every import (static, re-export, dynamic, type) at any depth.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** The folders of src/ and the folders each may import (DESIGN §1): imports run one way. */
export const LAYERS = {
  model: [],
  io: ['model'],
  store: ['model', 'io'],
  graph: ['model', 'store'],
  app: ['model', 'io', 'store', 'graph'],
  ui: ['model', 'io', 'store', 'graph', 'app'],
};

/** Packages only some layers may import. */
const PACKAGES = [
  {
    match: (s) => s === 'cytoscape' || s.startsWith('cytoscape-') || s.startsWith('cytoscape/'),
    allowed: ['graph'],
    message: 'Only src/graph/ may import cytoscape.',
  },
  {
    match: (s) => /^(react|react-dom)(\/|$)/.test(s) || s.startsWith('react-'),
    allowed: ['ui'],
    message: 'Only src/ui/ may import React.',
  },
  {
    match: (s) => /^(zustand|immer)(\/|$)/.test(s),
    allowed: ['store', 'app', 'ui'],
    message: 'Only src/store/, src/app/ and src/ui/ may import the store libraries.',
  },
];

/** The layer of a file: the first folder under src/ ('' for a file directly in src/), or null outside src/. */
function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** The module path of an import's source node, or null when it is computed. */
function specifierOf(source) {
  if (!source) return null;
  if (source.type === 'Literal' && typeof source.value === 'string') return source.value;
  if (source.type === 'TemplateLiteral' && source.expressions.length === 0)
    return source.quasis[0].value.cooked;
  if (source.type === 'TSLiteralType') return specifierOf(source.literal);
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports between the folders of src/ run one way (docs/architecture.md).',
    },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = layerOf(file);
    if (from === null || !(from in LAYERS)) return {};
    const check = (node, source, dynamic) => {
      const spec = specifierOf(source);
      if (spec === null) {
        if (dynamic)
          context.report({
            node,
            message: `import() with a computed path in src/${from}/: the layer fence cannot check it; use a literal path.`,
          });
        return;
      }
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const first =
          layerOf(target) === null ? null : path.relative(SRC, target).split(path.sep)[0];
        // A folder's index (`../model`) is that layer; anything else directly in src/ is the root.
        const to = first === null ? null : first in LAYERS ? first : '';
        if (to === null || to === from) return;
        if (to === '' || !LAYERS[from].includes(to))
          context.report({
            node,
            message: `src/${from}/ may not import src/${to || '(root)'}/ ('${spec}'): ${from} may import ${LAYERS[from].join(', ') || 'no other layer'}.`,
          });
        return;
      }
      for (const p of PACKAGES) {
        if (p.match(spec) && !p.allowed.includes(from))
          context.report({ node, message: `${p.message} ('${spec}' in src/${from}/)` });
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source, false),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source, false),
      ExportAllDeclaration: (n) => check(n, n.source, false),
      ImportExpression: (n) => check(n, n.source, true),
      TSImportType: (n) => check(n, n.argument, false),
      TSExternalModuleReference: (n) => check(n, n.expression, false),
    };
  },
};

/** The local plugin: `tieline/layers`. */
export default { rules: { layers } };
