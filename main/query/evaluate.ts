// Evaluates a filter query over the loaded set: the AST becomes a tree of steps, each of which
// narrows a candidate list of ids. `and` runs its cheapest children first on a shrinking list,
// `or` gives each child only what the previous ones did not match, `not` subtracts.

import type { Ast } from '../../common/query/ast'
import { tryParseQuery } from '../../common/query/parser'
import type { QueryError } from '../../common/ipc-contract'
import type { EventStore } from '../store/event-store'
import { allIds, difference, idsInTimeRange, union } from './id-lists'
import { CACHED_FROM_COST, compareStep, existsStep, matchStep, textStep, type Step } from './leaf-steps'
import { cachedStep } from './leaf-cache'

export interface EvaluateOptions {
  /** Inclusive lower bound on eventTime (ms); events without a time are then left out. */
  from?: number | null
  /** Exclusive upper bound on eventTime (ms). */
  to?: number | null
}

export interface EvaluateResult {
  /** Matching event ids, ascending. Empty when the query does not parse. */
  ids: Uint32Array
  error?: QueryError
}

function andStep(children: Step[]): Step {
  const ordered = [...children].sort((a, b) => a.cost - b.cost)
  return {
    cost: children.reduce((sum, child) => sum + child.cost, 0),
    run(candidates) {
      let current = candidates
      for (const child of ordered) {
        if (current.length === 0) break
        current = child.run(current)
      }
      return current
    },
  }
}

function orStep(children: Step[]): Step {
  const ordered = [...children].sort((a, b) => a.cost - b.cost)
  return {
    cost: children.reduce((sum, child) => sum + child.cost, 0),
    run(candidates) {
      let matched: Uint32Array = new Uint32Array(0)
      let rest = candidates
      for (const child of ordered) {
        if (rest.length === 0) break
        const hits = child.run(rest)
        matched = union(matched, hits)
        rest = difference(rest, hits)
      }
      return matched
    },
  }
}

/** Builds the step tree of a parsed query. */
export function compileQuery(store: EventStore, ast: Ast): Step {
  switch (ast.type) {
    case 'all':
      return { cost: 0, run: (candidates) => candidates }
    case 'and':
      return andStep(ast.children.map((child) => compileQuery(store, child)))
    case 'or':
      return orStep(ast.children.map((child) => compileQuery(store, child)))
    case 'not': {
      const child = compileQuery(store, ast.child)
      return { cost: child.cost, run: (candidates) => difference(candidates, child.run(candidates)) }
    }
    case 'text':
    case 'match':
    case 'exists':
    case 'compare':
      return leafStep(store, ast)
  }
}

type Leaf = Extract<Ast, { type: 'text' | 'match' | 'exists' | 'compare' }>

/** What a term means, without where it was typed: the key of its kept results. */
function leafKey(leaf: Leaf): string {
  const { start: _start, end: _end, ...meaning } = leaf
  return JSON.stringify(meaning)
}

function leafStep(store: EventStore, leaf: Leaf): Step {
  const step =
    leaf.type === 'text'
      ? textStep(store, leaf)
      : leaf.type === 'match'
        ? matchStep(store, leaf)
        : leaf.type === 'exists'
          ? existsStep(store, leaf)
          : compareStep(store, leaf)
  return step.cost >= CACHED_FROM_COST ? cachedStep(store, leafKey(leaf), step) : step
}

/** The ids of the events matching a query (text or AST) within an optional time range. */
export function evaluate(store: EventStore, query: string | Ast, options: EvaluateOptions = {}): EvaluateResult {
  let ast: Ast
  if (typeof query === 'string') {
    const parsed = tryParseQuery(query)
    if (!parsed.ok) return { ids: new Uint32Array(0), error: { message: parsed.error.message, position: parsed.error.position } }
    ast = parsed.ast
  } else {
    ast = query
  }
  const from = options.from ?? null
  const to = options.to ?? null
  const candidates = from === null && to === null ? allIds(store.size) : idsInTimeRange(store, from, to)
  return { ids: compileQuery(store, ast).run(candidates) }
}
