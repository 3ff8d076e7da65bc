// Reads the SVG subset assets/icon.svg is written in, into a flat list of shapes with their
// transform matrices and paint. Anything outside the subset is an error, not silently skipped:
// an icon that renders differently from the SVG in a browser would be worse than none.

const SHAPES = new Set(['rect', 'circle', 'ellipse'])
const CONTAINERS = new Set(['svg', 'g', 'defs'])

/** A tiny XML reader: elements, attributes and nesting; comments and the prolog are skipped. */
function parseXml(text) {
  const rootNode = { name: '#root', attrs: {}, children: [] }
  const stack = [rootNode]
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g
  for (const m of text.matchAll(tag)) {
    if (!m[2]) continue // a comment or the <?xml ...?> prolog
    const [, closing, name, attrText, selfClosing] = m
    if (closing) {
      const open = stack.pop()
      if (open.name !== name) throw new Error(`icon.svg: </${name}> closes <${open.name}>`)
      continue
    }
    const attrs = Object.fromEntries([...attrText.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]))
    const node = { name, attrs, children: [] }
    stack.at(-1).children.push(node)
    if (!selfClosing) stack.push(node)
  }
  if (stack.length !== 1) throw new Error(`icon.svg: <${stack.at(-1).name}> is never closed`)
  return rootNode.children[0]
}

/** 2D affine matrices as [a, b, c, d, e, f] (x' = a·x + c·y + e, y' = b·x + d·y + f). */
const IDENTITY = [1, 0, 0, 1, 0, 0]
export function multiply(m, n) {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]]
}

function parseTransform(text) {
  let matrix = IDENTITY
  for (const m of (text ?? '').matchAll(/(\w+)\(([^)]*)\)/g)) {
    const v = m[2].trim().split(/[\s,]+/).map(Number)
    let step
    if (m[1] === 'translate') step = [1, 0, 0, 1, v[0], v[1] ?? 0]
    else if (m[1] === 'scale') step = [v[0], 0, 0, v[1] ?? v[0], 0, 0]
    else if (m[1] === 'rotate') {
      const r = (v[0] * Math.PI) / 180
      const rotation = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]
      const [cx, cy] = [v[1] ?? 0, v[2] ?? 0]
      step = multiply(multiply([1, 0, 0, 1, cx, cy], rotation), [1, 0, 0, 1, -cx, -cy])
    } else throw new Error(`icon.svg: transform ${m[1]}() is not supported`)
    matrix = multiply(matrix, step)
  }
  return matrix
}

function parseColor(text) {
  const m = /^#([0-9a-f]{6})$/i.exec(text ?? '')
  if (!m) throw new Error(`icon.svg: fill must be #rrggbb, not "${text}"`)
  const n = parseInt(m[1], 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

const num = (attrs, name) => Number(attrs[name] ?? 0)

function shapeOf(node) {
  const a = node.attrs
  if (node.name === 'rect') return { kind: 'rect', x: num(a, 'x'), y: num(a, 'y'), width: num(a, 'width'), height: num(a, 'height'), r: num(a, 'rx') }
  if (node.name === 'circle') return { kind: 'ellipse', cx: num(a, 'cx'), cy: num(a, 'cy'), rx: num(a, 'r'), ry: num(a, 'r') }
  return { kind: 'ellipse', cx: num(a, 'cx'), cy: num(a, 'cy'), rx: num(a, 'rx'), ry: num(a, 'ry') }
}

/**
 * The icon as { width, height, shapes: [{ shape, matrix, color, alpha, group, minSize }] } in
 * paint order, in viewBox units. `fill` and `fill-opacity` are inherited. `opacity` is group
 * opacity, as in SVG: the shapes under it are painted together and the result faded once, so
 * overlapping parts do not show through each other. Shapes outside any such group have group 0.
 */
export function parseSvg(text) {
  const svg = parseXml(text)
  if (svg?.name !== 'svg') throw new Error('icon.svg: the root element must be <svg>')
  const [, , width, height] = (svg.attrs.viewBox ?? '').split(/[\s,]+/).map(Number)
  const ids = new Map()
  const collectIds = (node) => {
    if (node.attrs.id) ids.set(node.attrs.id, node)
    node.children.forEach(collectIds)
  }
  collectIds(svg)

  const shapes = []
  const groups = [{ opacity: 1 }]
  const walk = (node, matrix, paint) => {
    const a = node.attrs
    let group = paint.group
    if (a.opacity !== undefined && Number(a.opacity) !== 1) {
      if (group !== 0) throw new Error('icon.svg: nested opacity is not supported')
      group = groups.push({ opacity: Number(a.opacity) }) - 1
    }
    const here = {
      fill: a.fill ?? paint.fill,
      fillOpacity: a['fill-opacity'] !== undefined ? Number(a['fill-opacity']) : paint.fillOpacity,
      group,
      minSize: Math.max(paint.minSize, Number(a['data-min-size'] ?? 0)),
    }
    const m = multiply(matrix, parseTransform(a.transform))
    if (node.name === 'defs') return // drawn only through <use>
    if (node.name === 'use') {
      const target = ids.get((a.href ?? a['xlink:href'] ?? '').replace(/^#/, ''))
      if (!target) throw new Error(`icon.svg: <use> points at nothing: ${a.href}`)
      // The referenced element's own transform applies inside the use's.
      return walk(target, multiply(m, [1, 0, 0, 1, num(a, 'x'), num(a, 'y')]), here)
    }
    if (CONTAINERS.has(node.name)) return node.children.forEach((child) => walk(child, m, here))
    if (!SHAPES.has(node.name)) throw new Error(`icon.svg: <${node.name}> is not supported`)
    shapes.push({ shape: shapeOf(node), matrix: m, color: parseColor(here.fill), alpha: here.fillOpacity, group: here.group, minSize: here.minSize })
  }
  walk(svg, IDENTITY, { fill: '#000000', fillOpacity: 1, group: 0, minSize: 0 })
  return { width, height, shapes, groups }
}
