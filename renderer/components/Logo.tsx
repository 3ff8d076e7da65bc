// Two footprints (足跡, ashiato).
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <g fill="currentColor">
        <ellipse cx="7.2" cy="9.2" rx="2.7" ry="4.2" transform="rotate(-12 7.2 9.2)" />
        <circle cx="5" cy="3.4" r="1.05" />
        <circle cx="7.4" cy="2.7" r="1" />
        <circle cx="9.5" cy="3.4" r="0.9" />
        <ellipse cx="16.6" cy="15.4" rx="2.7" ry="4.2" transform="rotate(10 16.6 15.4)" />
        <circle cx="14.7" cy="9.7" r="1" />
        <circle cx="17.1" cy="9.2" r="1.05" />
        <circle cx="19.3" cy="10.1" r="0.9" />
      </g>
    </svg>
  )
}
