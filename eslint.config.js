import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Nest's HTTP exceptions: only the edge (controllers, guards, pipes, filters) may speak HTTP. */
const NEST_HTTP_EXCEPTIONS = [
  'HttpException',
  'HttpStatus',
  'BadRequestException',
  'UnauthorizedException',
  'ForbiddenException',
  'NotFoundException',
  'MethodNotAllowedException',
  'NotAcceptableException',
  'RequestTimeoutException',
  'ConflictException',
  'GoneException',
  'PreconditionFailedException',
  'PayloadTooLargeException',
  'UnsupportedMediaTypeException',
  'UnprocessableEntityException',
  'ImATeapotException',
  'MisdirectedException',
  'InternalServerErrorException',
  'NotImplementedException',
  'BadGatewayException',
  'ServiceUnavailableException',
  'GatewayTimeoutException',
  'HttpVersionNotSupportedException',
];

export default tseslint.config(
  { ignores: ['**/dist/**', 'coverage/**', '.data/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // docs/architecture.md: the domain depends on nothing but itself (no framework, store or I/O).
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'pg', '@kurrent/*', 'node:*', 'fs', 'net', 'http', 'child_process', '@zairyu/*'] },
      ],
    },
  },
  {
    // Libraries never reach up into the apps.
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/apps/**'] }] },
  },
  {
    // HTTP only at the edge: services, handlers and helpers throw a Failure (apps/api/src/failures/);
    // the problem filter alone says which status and problem it is.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      '**/*.controller.ts',
      '**/*.guard.ts',
      '**/*.pipe.ts',
      '**/*filter.ts',
      '**/*.spec.ts',
      'apps/api/src/http/**',
      'apps/api/src/bootstrap/**',
      'apps/api/src/app.module.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: NEST_HTTP_EXCEPTIONS,
              message: 'Throw a Failure (failures/failure.ts); only controllers, guards, pipes and filters speak HTTP.',
            },
          ],
          patterns: [
            {
              group: ['**/http/problem.js', '**/http/failure-problem.js', '**/http/problem-filter.js'],
              message: 'Problems are the edge’s: throw a Failure (failures/failure.ts) and let the problem filter answer.',
            },
          ],
        },
      ],
    },
  },
);
