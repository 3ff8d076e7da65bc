// The S3 dialog's building blocks: a labelled field with its hint, a text input bound to the S3
// form in the store, and text whose `command` spans show as code (the SSO hint:
// `aws sso login --profile x`).
import type { ReactNode } from 'react'
import { setS3Field, useS3, type S3Form } from '../state/s3-store'

/** Text with `command` spans shown as code. */
export function WithCode({ text }: { text: string }) {
  const parts = text.split('`')
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="s3-code">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  )
}

export function Field({ label, hint, children, htmlFor }: { label: string; hint?: ReactNode; children: ReactNode; htmlFor: string }) {
  return (
    <div className="s3-field">
      <label className="s3-field__label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="s3-field__control">{children}</div>
      {hint ? <div className="s3-field__hint">{hint}</div> : null}
    </div>
  )
}

export function TextInput({ id, field, testId, placeholder, list, type = 'text' }: { id: string; field: keyof S3Form; testId: string; placeholder?: string; list?: string; type?: string }) {
  const value = useS3((s) => s.form[field])
  return (
    <input
      id={id}
      className="s3-input"
      type={type}
      value={value}
      placeholder={placeholder}
      list={list}
      spellCheck={false}
      autoComplete="off"
      data-testid={testId}
      onChange={(e) => setS3Field(field, e.currentTarget.value)}
    />
  )
}
