/**
 * `IncidentCommsErrorCode` is the one list hosts switch on: the compiler refuses a code missing
 * from it, and this test refuses a listed code that nothing throws any more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENT_COMMS_ERROR_CODES } from '@incident-comms/core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const text = readdirSync(join(root, 'packages'))
  .flatMap((name) => {
    try {
      return sources(join(root, 'packages', name, 'src'));
    } catch {
      return [];
    }
  })
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n')
  // The list itself does not count as a use.
  .replace(/INCIDENT_COMMS_ERROR_CODES = \[[\s\S]*?\] as const;/, '');

describe('error codes', () => {
  it('lists each code once', () => {
    expect(new Set(INCIDENT_COMMS_ERROR_CODES).size).toBe(INCIDENT_COMMS_ERROR_CODES.length);
  });

  it('lists only codes some source still throws', () => {
    expect(INCIDENT_COMMS_ERROR_CODES.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });
});
