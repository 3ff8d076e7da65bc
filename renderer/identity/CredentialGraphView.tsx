// The credential graph of the events shown (credentialGraph over the current view): principals,
// roles, keys and sessions, accounts as nodes sized by events; issuance (AssumeRole...) and use
// as edges. Drawn with Cytoscape.js (loaded on first open). Its force-directed layout (cose) is
// quadratic and takes minutes at 10,000 nodes; the concentric layout used here places nodes in
// rings by kind (principals inside, then keys, accounts outside) in one pass, and the renderer hides
// labels and edges while panning, so 10,000 nodes stay usable (the figure shown is measured). The
// nodes are handed to Cytoscape in chunks, one task each, so the page answers while it draws; a
// find box centres a node by name (Enter opens its dossier).
import { useEffect, useRef, useState } from 'react'
import type { Core } from 'cytoscape'
import type { CredentialGraph, GraphNode } from '../../common/identity'
import { formatMessage } from '../../common/i18n'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { formatCount } from '../format/format'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { Modal } from '../components/Modal'
import { closeGraph, openDossier, useIdentity } from './identity-store'

/** Nodes asked for: the most active principals and keys of the view. */
export const GRAPH_NODES = 10_000

/** Concentric levels, innermost highest: principals in the middle, their keys around them, accounts outside. */
const RING: Record<GraphNode['kind'], number> = { user: 3, federated: 3, service: 3, role: 3, session: 2, key: 2, account: 1 }
const COLOR: Record<GraphNode['kind'], string> = {
  account: '#7a5af8',
  user: '#1570ef',
  federated: '#0e9384',
  service: '#667085',
  role: '#dc6803',
  session: '#f79009',
  key: '#98a2b3',
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))

/**
 * Positions computed here in one pass (Cytoscape's preset layout): each ring of kinds is a
 * sunflower (phyllotaxis) disc or annulus, principals in the middle, keys around them, accounts
 * outside. Measured at 10,000 nodes in Chromium: the concentric layout took 17 s on a loaded
 * 2-core machine, this placement a few milliseconds (the rest is Cytoscape drawing).
 */
export function ringPositions(nodes: readonly GraphNode[], spacing = 14): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>()
  let inner = 0
  for (const ring of [3, 2, 1]) {
    const members = nodes.filter((n) => RING[n.kind] === ring)
    // An annulus from `inner` holding members.length cells of spacing² area each.
    const offset = (inner / spacing) ** 2
    members.forEach((node, i) => {
      // The first (most active) principal sits at the origin, the middle of the view.
      const r = spacing * Math.sqrt(offset + i)
      const a = (offset + i) * GOLDEN_ANGLE
      positions.set(node.id, { x: r * Math.cos(a), y: r * Math.sin(a) })
    })
    inner = spacing * Math.sqrt(offset + members.length) + spacing * 4
  }
  return positions
}

type Status =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'drawing'; done: number; total: number }
  | { kind: 'shown'; graph: CredentialGraph; layoutMs: number }

/**
 * Nodes (then edges) handed to Cytoscape per task: drawing 10,000 nodes at once holds the UI
 * thread for seconds on a slow machine; in chunks, typing and clicks are answered between them.
 */
const CHUNK = 1_500

/** The first node whose label holds `text` (case ignored), most active first as the graph lists them. */
export function findNode(nodes: readonly GraphNode[], text: string): GraphNode | null {
  const needle = text.trim().toLowerCase()
  if (!needle) return null
  return nodes.find((n) => n.label.toLowerCase().includes(needle)) ?? null
}

function GraphDialog() {
  const t = useT()
  const viewId = useSessionState((s) => s.info?.viewId ?? null)
  const box = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const [find, setFind] = useState('')

  useEffect(() => {
    if (viewId === null) return
    let live = true
    let destroy: (() => void) | null = null
    void (async () => {
      try {
        const [graph, { default: cytoscape }] = await Promise.all([getApi().credentialGraph({ viewId, maxNodes: GRAPH_NODES }), import('cytoscape')])
        if (!live || !box.current) return
        const max = graph.nodes.reduce((m, n) => Math.max(m, n.events), 1)
        const started = performance.now()
        const positions = ringPositions(graph.nodes)
        // Zoom so that the farthest node fits, with the origin (the most active principal) in the middle.
        let radius = 0
        for (const p of positions.values()) radius = Math.max(radius, Math.hypot(p.x, p.y))
        const { clientWidth: width, clientHeight: height } = box.current
        const zoom = Math.min(2, Math.min(width, height) / 2 / (radius + 40))
        const elements = [
          ...graph.nodes.map((n) => ({
            group: 'nodes' as const,
            position: positions.get(n.id),
            data: { id: n.id, label: n.label, kind: n.kind, ring: RING[n.kind], size: 8 + 32 * Math.sqrt(n.events / max), color: COLOR[n.kind] },
          })),
          ...graph.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind } })),
        ]
        const cy = cytoscape({
          container: box.current,
          style: [
            // Labels only when zoomed in far enough to read them (font 8 drawn below 10 px is hidden).
            { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'background-color': 'data(color)', label: 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 10, color: '#344054' } },
            { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#d92d20' } },
            { selector: 'edge', style: { width: 1, 'line-color': '#d0d5dd', 'curve-style': 'haystack' } },
            { selector: 'edge[kind = "assumed"], edge[kind = "issued"]', style: { width: 2, 'line-color': '#f79009', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#f79009' } },
          ],
          // Positions are given (preset): no layout runs, nothing is animated.
          layout: { name: 'preset', fit: false },
          zoom,
          pan: { x: width / 2, y: height / 2 },
          minZoom: zoom / 4,
          maxZoom: 4,
          textureOnViewport: true,
          hideEdgesOnViewport: true,
          hideLabelsOnViewport: true,
          pixelRatio: 1,
          wheelSensitivity: 0.3,
        })
        cyRef.current = cy
        destroy = () => {
          cyRef.current = null
          cy.destroy()
        }
        const byId = new Map(graph.nodes.map((n) => [n.id, n]))
        cy.on('tap', 'node', (event) => {
          const node = byId.get(event.target.id() as string)
          if (node?.principal) openDossier(node.principal)
        })
        // One batch across the chunks: styles and drawing are done once, at its end, not per chunk.
        cy.startBatch()
        for (let done = 0; done < elements.length; done += CHUNK) {
          cy.add(elements.slice(done, done + CHUNK))
          setStatus({ kind: 'drawing', done: Math.min(graph.nodes.length, done + CHUNK), total: graph.nodes.length })
          // A macrotask between chunks: input events and paints are handled here.
          await new Promise((resolve) => setTimeout(resolve, 0))
          if (!live) return
        }
        cy.endBatch()
        setStatus({ kind: 'shown', graph, layoutMs: Math.round(performance.now() - started) })
      } catch (error) {
        if (live) setStatus({ kind: 'error', message: errorText(error) })
      }
    })()
    return () => {
      live = false
      destroy?.()
    }
  }, [viewId])

  // The node found: selected and centred, close enough to read its label (typed while drawing, applied once drawn).
  const found = status.kind === 'shown' ? findNode(status.graph.nodes, find) : null
  useEffect(() => {
    const cy = cyRef.current
    if (!cy || !found) return
    // The header may have wrapped since Cytoscape measured its box (the left-out note): measure again.
    cy.resize()
    cy.nodes(':selected').unselect()
    const node = cy.getElementById(found.id)
    node.select()
    cy.zoom(Math.max(cy.zoom(), 1.5))
    cy.center(node)
  }, [found])

  // The shared Modal frame: Escape closes the dialog on top (a dossier opened from a node first).
  return (
    <Modal open onClose={closeGraph} title={t.graphTitle} closeLabel={t.graphClose} closeTestId="graph-close" className="graph" testId="graph">
      <div className="graph__bar">
        <span className="muted graph__stats" data-testid="graph-stats">
          {status.kind === 'shown'
            ? formatMessage(t.graphStats, { nodes: status.graph.nodes.length, edges: status.graph.edges.length, ms: status.layoutMs })
            : status.kind === 'error'
              ? formatMessage(t.graphError, { message: status.message })
              : status.kind === 'drawing'
                ? formatMessage(t.graphDrawing, { done: status.done, total: status.total })
                : t.graphLoading}
        </span>
        {status.kind === 'shown' && status.graph.omittedNodes > 0 ? (
          <span className="muted" data-testid="graph-omitted">{formatMessage(t.graphOmitted, { n: status.graph.omittedNodes, limit: formatCount(GRAPH_NODES) })}</span>
        ) : null}
        <input
          className="graph__find"
          type="search"
          data-testid="graph-find"
          aria-label={t.graphFind}
          placeholder={t.graphFind}
          value={find}
          onChange={(e) => setFind(e.target.value)}
          onKeyDown={(e) => {
            // Enter opens the dossier of the node found.
            if (e.key === 'Enter' && found?.principal) openDossier(found.principal)
          }}
        />
        {status.kind === 'shown' && find.trim() && !found ? <span className="muted" data-testid="graph-find-none">{t.graphFindNone}</span> : null}
        <span className="muted">{t.graphHint}</span>
      </div>
      <div ref={box} className="graph__canvas" data-testid="graph-canvas" />
    </Modal>
  )
}

/** The credential graph dialog when open (mounted once, in App). */
export function GraphHost() {
  const open = useIdentity((s) => s.graph)
  return open ? <GraphDialog /> : null
}
