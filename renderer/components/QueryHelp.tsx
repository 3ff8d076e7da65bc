// The filter language at a glance (docs/query-language.md, condensed): the grammar with an
// example per line, the short field names, and a few investigations. Clicking an example puts it
// in the filter bar.
import type { MessageKey } from '../../common/i18n'
import { SHORT_NAMES } from '../../common/query/fields'
import { useT } from '../state/language-store'

const SYNTAX: readonly { example: string; text: MessageKey }[] = [
  { example: 'alice', text: 'helpFreeText' },
  { example: '"Access Denied"', text: 'helpPhrase' },
  { example: 'event:GetObject', text: 'helpField' },
  { example: 'event:Describe*', text: 'helpWildcard' },
  { example: 'requestParameters.bucketName:logs-*', text: 'helpPath' },
  { example: 'error:*', text: 'helpExists' },
  { example: '-error:*', text: 'helpNot' },
  { example: 'eventTime>=2024-03-05T14:30Z', text: 'helpCompare' },
  { example: 'event:RunInstances region:us-east-1', text: 'helpAnd' },
  { example: 'event:StopLogging or event:DeleteTrail', text: 'helpOr' },
  { example: '(event:List* or event:Get*) identityType:Root', text: 'helpParens' },
]

const EXAMPLES: readonly { example: string; text: MessageKey }[] = [
  { example: 'event:GetCallerIdentity -ip:*.amazonaws.com', text: 'exampleWhoami' },
  { example: 'identityType:Root -event:ConsoleLogin', text: 'exampleRoot' },
  { example: 'event:ConsoleLogin additionalEventData.MFAUsed:No', text: 'exampleNoMfa' },
  { example: 'event:CreateAccessKey or event:CreateLoginProfile or event:UpdateLoginProfile', text: 'exampleNewKeys' },
  { example: 'source:cloudtrail.amazonaws.com (event:StopLogging or event:DeleteTrail)', text: 'exampleLoggingOff' },
  { example: 'readOnly:false -error:*', text: 'exampleChanges' },
  { example: 'error:AccessDenied or error:*UnauthorizedOperation', text: 'exampleProbing' },
  { example: 'ip:3.238.0.0/16 or ip:2600:1f18::/32', text: 'exampleNetwork' },
]

function Example({ example, onPick }: { example: string; onPick(example: string): void }) {
  return (
    <button type="button" className="help__example" onClick={() => onPick(example)} data-testid="help-example">
      {example}
    </button>
  )
}

/** Examples beside what they mean; a click puts the example in the filter bar. */
function ExampleTable({ rows, onPick }: { rows: readonly { example: string; text: MessageKey }[]; onPick(example: string): void }) {
  const t = useT()
  return (
    <table className="help__table">
      <tbody>
        {rows.map((row) => (
          <tr key={row.example}>
            <td>
              <Example example={row.example} onPick={onPick} />
            </td>
            <td>{t[row.text]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function QueryHelp({ onPick }: { onPick(example: string): void }) {
  const t = useT()
  return (
    <div className="popover help" role="dialog" aria-label={t.helpTitle} data-testid="filter-help">
      <div className="help__title">{t.helpTitle}</div>
      <ExampleTable rows={SYNTAX} onPick={onPick} />
      <div className="help__title">{t.helpShortNames}</div>
      <div className="help__names">
        {SHORT_NAMES.map((short) => (
          <span key={short.names[0]} className="help__name" title={short.description}>
            <code>{short.names.join(' · ')}</code>
          </span>
        ))}
      </div>
      <div className="help__title">{t.helpExamples}</div>
      <ExampleTable rows={EXAMPLES} onPick={onPick} />
      <div className="help__foot">{t.helpFoot}</div>
    </div>
  )
}
