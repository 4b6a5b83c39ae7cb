/* global module */
/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (depcruise):
 * apps → libs, never the other way; the domain depends on nothing (but its holiday table);
 * the event store knows nothing of the domain; the read model may use the domain; the write
 * side (command handlers) never uses the read model. A new exception needs a reason here.
 */
const LIB = (name) => `^libs/${name}/`;

/** Test helpers may reach anywhere; the rules are about the shipped code. */
const NOT_TESTS = '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)';

module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are used by apps, never the other way (docs/architecture.md).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-other-apps',
      comment: 'An app shares code with another only through libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'domain-depends-on-nothing',
      comment: 'libs/domain is pure: no other lib, no framework, no I/O; only its holiday table (docs/architecture.md).',
      severity: 'error',
      from: { path: LIB('domain'), pathNot: NOT_TESTS },
      to: {
        pathNot: [LIB('domain'), '^node_modules/@holiday-jp/holiday_jp/'],
      },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store stores typed envelopes; it knows nothing of the domain or the read side.',
      severity: 'error',
      from: { path: LIB('event-store') },
      to: { path: [LIB('domain'), LIB('read-model'), LIB('resident-streams')] },
    },
    {
      name: 'resident-streams-is-neutral',
      comment: 'Stream names and the stream→domain mapping serve both sides, so they use neither the read model nor an app.',
      severity: 'error',
      from: { path: LIB('resident-streams') },
      to: { path: LIB('read-model') },
    },
    {
      name: 'write-side-never-reads-the-read-model',
      comment: 'Command handlers decide over the stream; the read model is for queries (docs/architecture.md "Write side").',
      severity: 'error',
      from: {
        path: '^apps/api/src/.*(\\.handler|card-claims|resident-ledger\\.service|resident-writer)\\.ts$',
        pathNot: '(list-|get-)[^/]*\\.handler\\.ts$',
      },
      to: { path: LIB('read-model') },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes both ends one module in disguise (a cycle of type imports only is harmless).',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
