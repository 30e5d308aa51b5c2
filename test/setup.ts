/**
 * Vitest setup for every test file: property tests run from a fixed seed, so a run under one
 * server time zone explores the same cases as under another (scripts/test-timezones.mjs compares
 * them) and CI is reproducible. Set FC_SEED to explore other cases locally.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_260_303) });
