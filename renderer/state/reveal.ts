// Scrolling the list to a row asked for from elsewhere (next failed event, ...): the list
// registers how it reveals a row; callers need not know its geometry.
let reveal: ((index: number) => void) | null = null

export function registerReveal(fn: ((index: number) => void) | null): void {
  reveal = fn
}

export function revealRow(index: number): void {
  reveal?.(index)
}
