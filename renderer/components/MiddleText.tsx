// A long identifier shortened in the middle when its cell is narrow: the head gets the ellipsis,
// the distinguishing tail (an access key's last characters, an IP's last octets, an ARN's last
// part) stays visible. The text content is the whole value; the cell's title shows it on hover.
import { middleParts } from '../list/columns'

export function MiddleText({ text }: { text: string }) {
  const { head, tail } = middleParts(text)
  if (tail === '') return <>{text}</>
  return (
    <span className="mid">
      <span className="mid__head">{head}</span>
      <span className="mid__tail">{tail}</span>
    </span>
  )
}
