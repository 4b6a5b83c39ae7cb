/* global module */
/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (depcruise):
 * apps → libs, never the other way; the domain depends on nothing (but its holiday table);
 * the event store knows nothing of the domain; the read model may use the domain; the write
 * side (command handlers) never uses the read model. Inside apps/api: the shared edge kit knows no
 * feature, and a feature uses another only through its module or index.ts. A new exception needs a
 * reason here.
 */
const LIB = (name) => `^libs/${name}/`;

/** Test helpers may reach anywhere; the rules are about the shipped code. */
const NOT_TESTS = '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)';

/**
 * apps/api/src: the shared edge kit (http/, openapi/, auth/, and failures/, the refusals said
 * without HTTP), the composition root (bootstrap/, features.ts, app.module.ts, main.ts), and
 * every other folder a feature (a Nest module of its own, `<feature>/<feature>.module.ts`).
 */
const API = '^apps/api/src/';
const KIT = `${API}(http|openapi|auth|failures)/`;
const FEATURE = `${API}(?!(?:http|openapi|auth|failures|bootstrap)/)([^/]+)/`;
/** What a feature offers the others: its module (for Nest's `imports`) and its index.ts (classes, functions, types). */
const FEATURE_FRONT = `${API}[^/]+/(index|[^/]+\\.module)\\.ts$`;

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
      name: 'edge-kit-knows-no-feature',
      comment:
        'The shared edge kit serves every feature and so knows none of them, nor the composition root; a feature gives it what it needs through a port it provides (e.g. auth/session-lookup.ts).',
      severity: 'error',
      from: { path: KIT, pathNot: NOT_TESTS },
      to: { path: [FEATURE, `${API}[^/]+\\.ts$`] },
    },
    {
      name: 'features-meet-through-their-front',
      comment:
        "A feature uses another only through what that one exports: its module or its index.ts, never a file inside it. Add what is needed to the other feature's index.ts (or move it to the kit).",
      severity: 'error',
      from: { path: FEATURE, pathNot: NOT_TESTS },
      to: { path: FEATURE, pathNot: [`${API}$1/`, FEATURE_FRONT] },
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
