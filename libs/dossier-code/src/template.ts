import { DossierCodeErrorCode, DossierCodeException } from './errors';

/**
 * A dossier-code template: literal text with `{name:spec}` placeholders.
 *
 * - `{date:YYMMDD}` — the local receipt date.
 * - `{seq:9999}` — the daily sequence, zero-padded to the mask's width; `{seq:9999+}` allows
 *   more digits once the mask is full (the classic "at least four digits").
 * - `{unit:*}` — a free unit code of capital letters, digits and dots.
 * - any other spec is a mask: `A` a capital letter, `9` a digit, `X` a letter or digit, other
 *   characters literal. `{unit:A99.999.99}` matches `H01.123.45`.
 * - other names (e.g. `{series:XX}`) are extra fields supplied by the caller.
 */
export type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'date'; name: 'date' }
  | { kind: 'sequence'; name: 'seq'; width: number; open: boolean }
  | { kind: 'free'; name: string }
  | { kind: 'mask'; name: string; mask: string };

export interface CompiledTemplate {
  template: string;
  tokens: Token[];
  pattern: RegExp;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*):([^{}]+)\}/g;

/** Parses a template once; throws `DOSSIER_CODE.INVALID_TEMPLATE` on a mistake. */
export function compileTemplate(template: string): CompiledTemplate {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last)
      tokens.push({ kind: 'literal', text: template.slice(last, match.index) });
    tokens.push(placeholder(match[1], match[2], template));
    last = match.index + match[0].length;
  }
  if (last < template.length) tokens.push({ kind: 'literal', text: template.slice(last) });
  if (tokens.some((t) => t.kind === 'literal' && /[{}]/.test(t.text)))
    invalid(template, 'unbalanced braces');
  const names = tokens.filter((t) => t.kind !== 'literal').map((t) => (t as { name: string }).name);
  if (new Set(names).size !== names.length) invalid(template, 'a placeholder appears twice');
  for (const required of ['unit', 'date', 'seq']) {
    if (!names.includes(required)) invalid(template, `missing {${required}:…}`);
  }
  return { template, tokens, pattern: new RegExp(`^${tokens.map(tokenPattern).join('')}$`) };
}

/** The regular expression for one token, with a named group for each placeholder. */
function tokenPattern(token: Token): string {
  switch (token.kind) {
    case 'literal':
      return escape(token.text);
    case 'date':
      return '(?<date>\\d{6})';
    case 'sequence':
      return `(?<seq>\\d{${token.width}${token.open ? ',' : ''}})`;
    case 'free':
      return `(?<${token.name}>[A-Z0-9.]+)`;
    case 'mask':
      return `(?<${token.name}>${maskPattern(token.mask)})`;
  }
}

/** Regular-expression source for a mask such as `A99.999.99`. */
export function maskPattern(mask: string): string {
  return [...mask]
    .map((c) => {
      switch (c) {
        case 'A':
          return '[A-Z]';
        case '9':
          return '\\d';
        case 'X':
          return '[A-Z0-9]';
        default:
          return escape(c);
      }
    })
    .join('');
}

function placeholder(name: string, spec: string, template: string): Token {
  if (name === 'date') {
    if (spec !== 'YYMMDD') invalid(template, 'the date must be {date:YYMMDD}');
    return { kind: 'date', name };
  }
  if (name === 'seq') {
    const match = /^(9+)(\+?)$/.exec(spec);
    if (!match) invalid(template, 'the sequence must be {seq:9999} or {seq:9999+}');
    return { kind: 'sequence', name, width: match[1].length, open: match[2] === '+' };
  }
  if (spec === '*') return { kind: 'free', name };
  return { kind: 'mask', name, mask: spec };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

function invalid(template: string, why: string): never {
  throw new DossierCodeException(DossierCodeErrorCode.INVALID_TEMPLATE, `${template}: ${why}`);
}
