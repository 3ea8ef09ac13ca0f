/**
 * One owner per aggregate: an entity's rows are written only from the feature folder that defines it.
 *
 * A write is a call of insert, update, delete, save, upsert, increment, decrement, remove, softDelete or
 * restore whose first argument is an entity class (`m.update(Card, …)`), or a query builder's
 * `.update(Entity)` / `.insert().into(Entity)` / `.delete().from(Entity)`. The entity must be imported from
 * the same folder as the file making the call (`./card.entity.js`); anything else is another feature's
 * entity, which must be changed by calling its owner.
 */
const WRITES = new Set([
  'insert',
  'update',
  'delete',
  'save',
  'upsert',
  'increment',
  'decrement',
  'remove',
  'softDelete',
  'restore',
  'into',
  'from',
]);

export default {
  meta: {
    type: 'problem',
    docs: { description: "forbid writing another feature's entity (call its owner instead)" },
    schema: [],
    messages: {
      foreign: "'{{entity}}' belongs to {{source}}: change it through its owner there, not from here.",
    },
  },
  create(context) {
    /** Local name → import source, for names imported from another folder. */
    const foreign = new Map();
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const source = String(node.source.value);
        if (!source.startsWith('.')) return;
        // Same folder: './x.entity.js'. Anything with a '/' after './' or starting with '../' is elsewhere.
        const sameFolder = source.startsWith('./') && !source.slice(2).includes('/');
        if (sameFolder) return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportSpecifier' && spec.importKind === 'type') continue;
          foreign.set(spec.local.name, source);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!WRITES.has(callee.property.name)) return;
        const obj = callee.object;
        // `.into(X)` and `.from(X)` write only after `.insert()` / `.delete()`; a select's `.from(X)` reads.
        if (callee.property.name === 'into' || callee.property.name === 'from') {
          const after =
            obj.type === 'CallExpression' && obj.callee.type === 'MemberExpression' ? obj.callee.property.name : null;
          if (after !== 'insert' && after !== 'delete') return;
        }
        // `m.update(Card, …)`, or `m.getRepository(Card).update(…)`.
        const viaRepository =
          obj.type === 'CallExpression' &&
          obj.callee.type === 'MemberExpression' &&
          obj.callee.property.type === 'Identifier' &&
          obj.callee.property.name === 'getRepository';
        const first = viaRepository ? obj.arguments[0] : node.arguments[0];
        if (!first || first.type !== 'Identifier') return;
        const source = foreign.get(first.name);
        // Only classes named like entities count; `from(x)` with other foreign values is not a write.
        if (!source || !/\.entity(\.js)?$/.test(source)) return;
        context.report({ node, messageId: 'foreign', data: { entity: first.name, source } });
      },
    };
  },
};
