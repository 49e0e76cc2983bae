import type { RosRecord } from './types';
import { RouterTrap } from './router-trap';

/**
 * API query words (`?name`, `?-name`, `?name=x`, `?=name=x`, `?<name=x`, `?>name=x`, `?#ops`),
 * evaluated left to right on a stack of booleans that starts as infinitely many `true`s; an item
 * passes when no `false` is left on the stack.
 */
export type RowQuery = (row: RosRecord) => boolean;

type Op = (row: RosRecord, stack: boolean[]) => void;

const NUMERIC = /^-?\d+$/;

function compare(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) return Math.sign(Number(a) - Number(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

// The stack is conceptually infinite: below the real entries every element is `true`.
const pop = (stack: boolean[]): boolean => (stack.length > 0 ? stack.pop()! : true);
const at = (stack: boolean[], index: number): boolean => (index < stack.length ? stack[stack.length - 1 - index]! : true);

function compileStackOps(ops: string): Op {
  return (_row, stack) => {
    let i = 0;
    let previousWasIndex = false;
    while (i < ops.length) {
      const ch = ops[i]!;
      if (ch >= '0' && ch <= '9') {
        let j = i;
        while (j < ops.length && ops[j]! >= '0' && ops[j]! <= '9') j++;
        const value = at(stack, Number(ops.slice(i, j)));
        if (j === ops.length) {
          stack.length = 0;
          stack.push(value);
        } else {
          stack.push(value);
        }
        i = j;
        previousWasIndex = true;
        continue;
      }
      switch (ch) {
        case '!':
          stack.push(!pop(stack));
          break;
        case '&': {
          const b = pop(stack);
          const a = pop(stack);
          stack.push(a && b);
          break;
        }
        case '|': {
          const b = pop(stack);
          const a = pop(stack);
          stack.push(a || b);
          break;
        }
        case '.':
          if (!previousWasIndex) stack.push(at(stack, 0));
          break;
        default:
          throw new RouterTrap(`unknown query operation '${ch}'`, 1);
      }
      previousWasIndex = false;
      i++;
    }
  };
}

function compileWord(word: string): Op {
  const body = word.slice(1);
  if (body.startsWith('#')) return compileStackOps(body.slice(1));
  let test: (row: RosRecord) => boolean;
  if (body.startsWith('<') || body.startsWith('>') || body.startsWith('=')) {
    const op = body[0];
    const rest = body.slice(1);
    const eq = rest.indexOf('=');
    if (eq <= 0) throw new RouterTrap(`invalid query word '${word}'`, 1);
    const name = rest.slice(0, eq);
    const value = rest.slice(eq + 1);
    if (op === '=') test = (row) => (row[name] ?? '') === value;
    else if (op === '<') test = (row) => row[name] !== undefined && compare(row[name]!, value) < 0;
    else test = (row) => row[name] !== undefined && compare(row[name]!, value) > 0;
  } else if (body.startsWith('-')) {
    const name = body.slice(1);
    test = (row) => row[name] === undefined;
  } else {
    const eq = body.indexOf('=');
    if (eq < 0) {
      test = (row) => row[body] !== undefined;
    } else {
      const name = body.slice(0, eq);
      const value = body.slice(eq + 1);
      test = (row) => (row[name] ?? '') === value;
    }
  }
  return (row, stack) => {
    stack.push(test(row));
  };
}

/** Compiles the query words of one sentence; undefined when there are none (everything passes). */
export function compileQuery(words: readonly string[]): RowQuery | undefined {
  if (words.length === 0) return undefined;
  const ops = words.map(compileWord);
  return (row) => {
    const stack: boolean[] = [];
    for (const op of ops) op(row, stack);
    return stack.every(Boolean);
  };
}
