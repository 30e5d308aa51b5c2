/**
 * The layers of core (ARCHITECTURE.md): each area imports only its own layer or lower ones,
 * nothing imports the desk but the barrel, the pure part has no `node:` imports, and core
 * never imports another package of the workspace (adapters and templates are injected).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Bottom first. An area may import areas of its own layer or of any layer below. */
const LAYERS: readonly (readonly string[])[] = [
  ['vocabulary', 'text', 'errors', 'message', 'time', 'severity'],
  ['lint', 'runbook'],
  ['incident', 'approvals', 'release'],
  ['cadence', 'publish', 'pre-send', 'playbooks', 'review', 'runbook-page'],
  ['delivery', 'coordinator', 'drill'],
  ['desk'],
];
/** Entry points: the barrel and the subpath entries may import anything. */
const ENTRIES = new Set(['index', 'entries', 'node']);

const layerOf = new Map(LAYERS.flatMap((areas, i) => areas.map((a) => [a, i] as const)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const areaOf = (path: string) => relative(SRC, path).split(sep)[0]!.replace(/\.ts$/, '');

const files = sources(SRC).map((path) => {
  // Comments may mention other packages (docstring examples); only code counts.
  const text = readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
  return { path, area: areaOf(path), specifiers };
});

describe('core layers', () => {
  it('names every area in exactly one layer', () => {
    const areas = new Set(files.map((f) => f.area).filter((a) => !ENTRIES.has(a)));
    expect([...areas].filter((a) => !layerOf.has(a))).toEqual([]);
  });

  it('imports only the same layer or lower ones', () => {
    const upward: string[] = [];
    for (const file of files) {
      if (ENTRIES.has(file.area)) continue;
      for (const spec of file.specifiers.filter((s) => s.startsWith('.'))) {
        const target = areaOf(normalize(join(dirname(file.path), spec)));
        if (target === file.area) continue;
        if (ENTRIES.has(target) || layerOf.get(target)! > layerOf.get(file.area)!) {
          upward.push(`${relative(SRC, file.path)} -> ${spec}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the pure part free of node: imports and of the other workspace packages', () => {
    const offending = files
      .filter((f) => f.area !== 'entries' && f.area !== 'node')
      .flatMap((f) =>
        f.specifiers
          .filter((s) => s.startsWith('node:') || s.startsWith('@incident-comms/'))
          .map((s) => `${relative(SRC, f.path)} -> ${s}`),
      );
    expect(offending).toEqual([]);
  });
});
