// "Add as column" from a value in the viewer: the JSON path becomes a field column (array
// positions dropped, as the query does), shown last in the list.
import { fieldColumn, isFieldPath, type ColumnKey } from '../list/columns'
import { queryField } from '../viewer/value-actions'
import { useFindPrefs } from './find-prefs'

/** The field column for a viewer path, or null when its keys cannot name a column. */
export function columnForPath(path: string): ColumnKey | null {
  const field = queryField(path)
  return field !== null && isFieldPath(field) ? fieldColumn(field) : null
}

/** Shows the path's field as a column; false when it cannot be one. */
export function addColumnForPath(path: string): boolean {
  const column = columnForPath(path)
  if (!column) return false
  useFindPrefs.getState().addColumn(column)
  return true
}
