// Paints parsed icon shapes into RGBA pixels: each shape's coverage of a pixel is measured with a
// grid of samples (anti-aliasing), then the shape is laid over what is already painted
// ("source-over", straight alpha as PNG stores it). Only the pixels under a shape's bounding box
// are visited, so a 1024 px icon takes well under a second.

/** Samples per pixel side: 16 per pixel, enough that edges show no steps at any size. */
const GRID = 4

function invert([a, b, c, d, e, f]) {
  const det = a * d - b * c
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

/** Whether a point in the shape's own units is inside it. */
function inside(shape, x, y) {
  if (shape.kind === 'ellipse') {
    const dx = (x - shape.cx) / shape.rx
    const dy = (y - shape.cy) / shape.ry
    return dx * dx + dy * dy <= 1
  }
  // A rounded rectangle: inside the rectangle, and within r of the corner circles' centres.
  if (x < shape.x || y < shape.y || x > shape.x + shape.width || y > shape.y + shape.height) return false
  const r = Math.min(shape.r, shape.width / 2, shape.height / 2)
  const dx = Math.max(shape.x + r - x, x - (shape.x + shape.width - r), 0)
  const dy = Math.max(shape.y + r - y, y - (shape.y + shape.height - r), 0)
  return dx * dx + dy * dy <= r * r
}

function localBox(shape) {
  if (shape.kind === 'ellipse') return [shape.cx - shape.rx, shape.cy - shape.ry, shape.cx + shape.rx, shape.cy + shape.ry]
  return [shape.x, shape.y, shape.x + shape.width, shape.y + shape.height]
}

/** The shape's bounding box in pixels, clipped to the image. */
function pixelBox(shape, m, size) {
  const [x0, y0, x1, y1] = localBox(shape)
  const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]])
  const xs = corners.map((p) => p[0])
  const ys = corners.map((p) => p[1])
  const clip = (v) => Math.min(size, Math.max(0, v))
  return [clip(Math.floor(Math.min(...xs))), clip(Math.floor(Math.min(...ys))), clip(Math.ceil(Math.max(...xs))), clip(Math.ceil(Math.max(...ys)))]
}

/** Lays colour (0-255) with alpha `a` (0-1) over pixel i of a straight-alpha float image. */
function blend(image, i, color, a) {
  const below = image[i + 3]
  const out = a + below * (1 - a)
  if (out <= 0) return
  for (let c = 0; c < 3; c++) image[i + c] = (color[c] * a + image[i + c] * below * (1 - a)) / out
  image[i + 3] = out
}

/** Paints one shape into `image` (size × size, straight-alpha floats). */
function paintShape(image, size, scale, { shape, matrix, color, alpha }) {
  const toPixels = matrix.map((v) => v * scale)
  const back = invert(toPixels)
  const [px0, py0, px1, py1] = pixelBox(shape, toPixels, size)
  for (let py = py0; py < py1; py++) {
    for (let px = px0; px < px1; px++) {
      let hits = 0
      for (let sy = 0; sy < GRID; sy++) {
        for (let sx = 0; sx < GRID; sx++) {
          const x = px + (sx + 0.5) / GRID
          const y = py + (sy + 0.5) / GRID
          if (inside(shape, back[0] * x + back[2] * y + back[4], back[1] * x + back[3] * y + back[5])) hits++
        }
      }
      if (hits > 0) blend(image, (py * size + px) * 4, color, (alpha * hits) / (GRID * GRID))
    }
  }
}

/** Lays a whole layer over the image, faded by `opacity` (SVG group opacity). */
function composite(image, layer, opacity) {
  for (let i = 0; i < image.length; i += 4) {
    if (layer[i + 3] > 0) blend(image, i, [layer[i], layer[i + 1], layer[i + 2]], layer[i + 3] * opacity)
  }
}

/** The icon at size × size pixels: RGBA bytes, row by row. */
export function rasterize(icon, size) {
  const image = new Float64Array(size * size * 4)
  const scale = size / icon.width
  // Shapes of a faded group are painted on a layer of their own, laid over the image when the
  // group ends, so the group's overlapping shapes do not show through each other.
  let layer = null
  let layerGroup = 0
  const flush = () => {
    if (layer) composite(image, layer, icon.groups[layerGroup].opacity)
    layer = null
    layerGroup = 0
  }
  for (const item of icon.shapes) {
    if (size < item.minSize) continue
    if (item.group !== layerGroup) {
      flush()
      if (item.group !== 0) {
        layer = new Float64Array(image.length)
        layerGroup = item.group
      }
    }
    paintShape(layer ?? image, size, scale, item)
  }
  flush()
  const bytes = new Uint8Array(image.length)
  for (let i = 0; i < image.length; i += 4) {
    for (let c = 0; c < 3; c++) bytes[i + c] = Math.round(image[i + c])
    bytes[i + 3] = Math.round(image[i + 3] * 255)
  }
  return bytes
}
