/**
 * The API: what the bootstrap opened (a global module), CQRS, the shared edge (the guard that
 * knows the caller, the filter that answers every error as a problem) and every feature's module
 * (features.ts). A controller is registered in its feature's module, never here.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from './auth/auth.guard.js';
import { RuntimeModule } from './bootstrap/runtime.module.js';
import type { Runtime } from './bootstrap/runtime.js';
import type { AppConfig, Clock } from './bootstrap/tokens.js';
import { FEATURES } from './features.js';
import { ProblemFilter } from './http/problem-filter.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime, config: AppConfig, clock: Clock = () => new Date()): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.of(runtime, config, clock), CqrsModule.forRoot(), ...FEATURES],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
