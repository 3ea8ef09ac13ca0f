// ts-jest compiles the TypeScript sources to CommonJS for Jest. The meilisearch client ships only as
// ESM, so it is let through transformIgnorePatterns and compiled too (allowJs). See docs/decisions.md.
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
    },
    diagnostics: false,
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch)/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/security/**/*.e2e-spec.ts', '<rootDir>/test/console/**/*.e2e-spec.ts'], slowTestThreshold: 30 },
  ],
  testTimeout: 60000,
};
