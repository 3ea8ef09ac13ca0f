// ts-jest compiles the TypeScript sources to CommonJS for Jest. The meilisearch client, and the
// `cookie` and `content-disposition` packages of @fastify/cookie and @fastify/static, ship only as ESM,
// so they are let through transformIgnorePatterns and compiled too (allowJs). See docs/decisions.md.
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      module: 'commonjs',
      moduleResolution: 'node10',
      isolatedModules: true,
      allowJs: true,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      target: 'ES2022',
      strict: true,
      strictPropertyInitialization: false,
      skipLibCheck: true,
      ignoreDeprecations: '5.0',
      // The console's views are TSX for @kitajs/html's JSX runtime (see docs/decisions.md).
      jsx: 'react-jsx',
      jsxImportSource: '@kitajs/html',
    },
    diagnostics: false,
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  transformIgnorePatterns: [
    '/node_modules/(?!(meilisearch|content-disposition|cookie)/)(?!.*/node_modules/(content-disposition|cookie)/)',
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  projects: [
    // Three tiers, each test beside its feature (test/<feature>/): pure units, owners against the real
    // database (the middle tier), and the contract over HTTP. Browser, resilience and cluster tests have
    // their own configs and commands.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.spec.ts'] },
    { ...common, displayName: 'medium', testMatch: ['<rootDir>/test/**/*.medium-spec.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], slowTestThreshold: 30 },
  ],
  testTimeout: 60000,
};
