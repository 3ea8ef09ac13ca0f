/**
 * Module boundaries, checked by `npm run lint` (dependency-cruiser). Writes to another feature's entity are
 * checked by ESLint (tools/eslint/no-foreign-writes.mjs); here: no import cycles, and the shared layers
 * (config, common, database) never reach into a feature.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part out, or call the other way round.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-layers-stay-shared',
      severity: 'error',
      comment: 'config/, common/ and database/ are used by every feature and depend on none of them.',
      from: { path: '^src/(config|common|database)/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(config|common|database)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
