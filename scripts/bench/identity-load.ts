// What issue #14's target names: the load's wall time with the identity work on versus off, on
// the service's own path. The same LoadQueue the service uses runs the load; with identity on,
// each eventsChanged push calls IdentityHost.follow() as AshiatoService does, so the identity
// worker builds the link table while events arrive, and the load counts as done when the
// worker has caught up with the last event (what `origin:`/`chain:`/`session:` wait for).
// Loads alternate off, on, on, off (ABBA), so that warming up and the other helpers' load on a
// shared machine fall on both sides alike; each load has a fresh store, cleared after it.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { LoadQueue } from '../../main/services/load-queue'
import { IdentityHost, type FollowCost } from '../../main/services/identity-host'

export interface IdentityLoad {
  identity: boolean
  events: number
  /** Until the last file was parsed and merged. */
  loadedMs: number
  /** Until the identity worker covered every event too (= loadedMs with identity off). */
  caughtUpMs: number
  /** CPU time of the whole process (every thread) until then: less disturbed than wall time by other processes. */
  cpuMs: number
  cost: FollowCost | null
  /** CPU time of threads that ran only during this load and outlived it (the identity worker; parse workers are gone), and of the main thread (Linux; else NaN). */
  newThreadsCpuMs: number
  mainThreadCpuMs: number
}

/** CPU time (ms) of each of this process's threads, by thread id, from /proc (empty where there is none). */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>()
  if (!existsSync('/proc/self/task')) return out
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th, in clock ticks (100 a second on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100)
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out
}

/** One load of `dir`, as the service runs it, with or without the identity worker following it. */
export async function timeLoad(dir: string, identity: boolean): Promise<IdentityLoad> {
  const store = new EventStore()
  const host = identity ? new IdentityHost(store) : null
  const queue = new LoadQueue(store, (name) => name === 'eventsChanged' && host?.follow(), () => ({}), () => ({}))
  const before = threadCpu()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await queue.start([{ path: path.join(dir, 'AWSLogs') }], {}).done
  const loadedMs = performance.now() - started
  await host?.caughtUp()
  const caughtUpMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  const after = threadCpu()
  let newThreadsCpuMs = after.size > 0 ? 0 : NaN
  for (const [tid, ms] of after) if (!before.has(tid)) newThreadsCpuMs += ms
  const mainThreadCpuMs = (after.get(process.pid) ?? NaN) - (before.get(process.pid) ?? NaN)
  const result = { identity, events: store.size, loadedMs, caughtUpMs, cpuMs: (used.user + used.system) / 1000, cost: host ? { ...host.cost } : null, newThreadsCpuMs, mainThreadCpuMs }
  await host?.close()
  store.clear()
  return result
}

/** `rounds` ABBA rounds (off, on, on, off); the loads in the order run. */
export async function identityLoads(dir: string, rounds: number): Promise<IdentityLoad[]> {
  const loads: IdentityLoad[] = []
  for (let r = 0; r < rounds; r++) {
    for (const identity of [false, true, true, false]) loads.push(await timeLoad(dir, identity))
  }
  return loads
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

/** Prints each load and what identity added, as a share of the load without it. */
export function printIdentityLoads(loads: IdentityLoad[], line: (label: string, value: string) => void): { offMs: number; onMs: number } {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
  for (const load of loads) {
    const what = load.identity ? 'on ' : 'off'
    const c = load.cost
    const detail = c ? `, caught up ${s(load.caughtUpMs)}; worker busy ${c.workerMs.toFixed(0)} ms in ${c.follows} follows (${c.tables} chain tables), main thread ${c.mirrorMs.toFixed(0)} ms on its mirror` : ''
    line(`  load, identity ${what}`, `${load.events.toLocaleString('en')} events, ${s(load.loadedMs)} (CPU ${s(load.cpuMs)}, main thread ${s(load.mainThreadCpuMs)})${detail}`)
    if (load.identity) line('    identity worker thread CPU', `${load.newThreadsCpuMs.toFixed(0)} ms`)
  }
  const off = loads.filter((l) => !l.identity)
  const on = loads.filter((l) => l.identity)
  const offMs = mean(off.map((l) => l.loadedMs))
  const onMs = mean(on.map((l) => l.caughtUpMs))
  const busy = mean(on.map((l) => (l.cost?.workerMs ?? 0) + (l.cost?.mirrorMs ?? 0)))
  const offCpu = mean(off.map((l) => l.cpuMs))
  const onCpu = mean(on.map((l) => l.cpuMs))
  line('load, identity off, mean (reference)', `${s(offMs)} (CPU ${s(offCpu)})`)
  line('load, identity on, until caught up, mean', `${s(onMs)}: adds ${(onMs - offMs).toFixed(0)} ms = ${(((onMs - offMs) / offMs) * 100).toFixed(1)}% of the load without it (target <= 10%)`)
  line('  CPU time, all threads, on vs off', `adds ${(onCpu - offCpu).toFixed(0)} ms = ${(((onCpu - offCpu) / offCpu) * 100).toFixed(1)}% of the load's CPU without it`)
  const workerCpu = mean(on.map((l) => l.newThreadsCpuMs))
  const mainAdded = mean(on.map((l) => l.mainThreadCpuMs)) - mean(off.map((l) => l.mainThreadCpuMs))
  line('  of which the identity worker thread', `${workerCpu.toFixed(0)} ms CPU = ${((workerCpu / offMs) * 100).toFixed(1)}% of the load's wall time without it`)
  line('  and the main thread, on vs off', `${mainAdded.toFixed(0)} ms CPU (its mirror copies; the rest is noise)`)
  line('  identity work (worker + mirror), wall', `${busy.toFixed(0)} ms = ${((busy / offMs) * 100).toFixed(1)}% of the load without it (wall time inside them: other processes' turns included)`)
  return { offMs, onMs }
}
