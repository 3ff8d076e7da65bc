// Whether the compare dialog is open, and on which events (base first).
import { create } from 'zustand'

interface CompareState {
  ids: number[] | null
}

export const useCompare = create<CompareState>()(() => ({ ids: null }))

export function openCompare(ids: number[]): void {
  if (ids.length >= 2) useCompare.setState({ ids: [...ids] })
}

export function closeCompare(): void {
  useCompare.setState({ ids: null })
}
