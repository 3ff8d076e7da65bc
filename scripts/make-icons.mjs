// Renders assets/icon.svg to the PNGs electron-builder needs: assets/icons/NxN.png (Linux takes
// the folder; 16 to 1024) and assets/icon.png (1024; converted to .icns/.ico when packaging).
// Pure JavaScript and zlib: no canvas, sharp or librsvg, whose native builds would tie icon
// making to one machine. The SVG is read with a small parser for the subset the icon uses.
//   node scripts/make-icons.mjs           write the PNGs
//   node scripts/make-icons.mjs --check   exit 1 if the PNGs on disk are stale
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { parseSvg } from './icons/svg-subset.mjs'
import { rasterize } from './icons/rasterize.mjs'
import { decodeOwnPng, encodePng } from './icons/png.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** The icon at `size` pixels square, as RGBA bytes. */
export function renderIcon(svgText, size) {
  return rasterize(parseSvg(svgText), size)
}

function outputs() {
  const files = SIZES.map((size) => ({ size, file: path.join(root, 'assets', 'icons', `${size}x${size}.png`) }))
  return [...files, { size: 1024, file: path.join(root, 'assets', 'icon.png') }]
}

/** Largest difference of any channel: V8's sin/cos may differ in the last bit between versions. */
function maxDifference(a, b) {
  if (a.length !== b.length) return Infinity
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]))
  return max
}

/** The pixels of a PNG on disk, or null when it is missing or not one of ours (so: stale). */
function readPixels(file) {
  if (!existsSync(file)) return null
  try {
    return decodeOwnPng(readFileSync(file))
  } catch (error) {
    console.error(`${path.relative(root, file)}: ${error.message}`)
    return null
  }
}

function main() {
  const svg = readFileSync(path.join(root, 'assets', 'icon.svg'), 'utf8')
  const check = process.argv.includes('--check')
  const rendered = new Map()
  const stale = []
  for (const { size, file } of outputs()) {
    if (!rendered.has(size)) rendered.set(size, renderIcon(svg, size))
    const pixels = rendered.get(size)
    if (check) {
      const onDisk = readPixels(file)
      if (!onDisk || onDisk.width !== size || maxDifference(onDisk.pixels, pixels) > 2) stale.push(path.relative(root, file))
      continue
    }
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, encodePng(pixels, size, size))
  }
  if (stale.length > 0) {
    console.error(`Stale icons (run "npm run icons"): ${stale.join(', ')}`)
    process.exitCode = 1
  } else if (!check) {
    console.log(`wrote ${outputs().length} icons from assets/icon.svg`)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
