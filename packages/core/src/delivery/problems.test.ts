import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeliveryInputError, deliveryProblemsFromIssues } from './errors';
import { checkRoutes } from './plan';

// Each kind of schema a channel or route uses, a bad value, and the words a reader should get.
const KINDS: readonly (readonly [string, z.ZodType, unknown, string, string])[] = [
  ['e-mail address', z.object({ from: z.email() }), { from: '"a@b"@c' }, 'an email address', '"\\"a@b\\"@c"'],
  ['URL', z.object({ url: z.url() }), { url: 'not a url' }, 'a URL', '"not a url"'],
  [
    'enum',
    z.object({ audience: z.enum(['customer', 'internal']) }),
    { audience: 'martians' },
    'one of "customer", "internal"',
    '"martians"',
  ],
  ['number bound', z.object({ n: z.number().int().min(1) }), { n: 0 }, 'a number of at least 1', '0'],
  ['type', z.object({ list: z.array(z.string()) }), { list: 'x' }, 'a list', '"x"'],
  ['regex', z.object({ id: z.string().regex(/^[a-z]+$/) }), { id: 'A1' }, 'text matching /^[a-z]+$/', '"A1"'],
  ['missing', z.object({ to: z.string() }), {}, 'a value (required)', 'nothing'],
  ['unknown key', z.object({}).strict(), { extra: 1 }, 'no unknown keys', '"extra"'],
];

describe('delivery problems read "path: expected <what>, got <found>"', () => {
  for (const [kind, schema, input, expected, received] of KINDS) {
    it(kind, () => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      const [problem] = deliveryProblemsFromIssues(result.error?.issues ?? [], 'options', input);
      expect(problem?.expected).toBe(expected);
      expect(problem?.received).toBe(received);
      expect(problem?.expected).not.toMatch(/^Invalid|expected /);
    });
  }

  it.each([
    [
      { channel: 'email', audience: 'martians', recipients: ['a@b.co'] },
      'routes.0.audience: expected one of "customer"',
      'got "martians"',
    ],
    [
      { channel: 'email', audience: 'customer', recipients: 'a@b.co' },
      'routes.0.recipients: expected a list',
      'got "a@b.co"',
    ],
    [{ channel: 42, audience: 'customer', recipients: [] }, 'routes.0.channel: expected a text', 'got 42'],
  ])('a bad route %j names path, expectation and value', (route, head, tail) => {
    let error: unknown;
    try {
      checkRoutes([route] as never, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeliveryInputError);
    const message = (error as Error).message;
    expect(message).toContain(head);
    expect(message).toContain(tail);
    expect(message).not.toMatch(/expected Invalid|Invalid option/);
  });
});
