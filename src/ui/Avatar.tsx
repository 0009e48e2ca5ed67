import './ui.css'

function initials(name: string): string {
  const letters = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase())
  return letters.join('') || '?'
}

/** A round picture, or the name's initials on a colour derived from the name. Decorative: the name is said next to it. */
export function Avatar({ name, url, size = 32 }: { name: string; url?: string; size?: number }) {
  const hue = [...name].reduce((sum, char) => sum + char.codePointAt(0)!, 0) % 360
  return url ? (
    <img className="ui-avatar" src={url} alt="" width={size} height={size} />
  ) : (
    // Initials are drawn by CSS (data-initials) so they never mix into the text next to them.
    <span
      className="ui-avatar ui-avatar--initials"
      aria-hidden="true"
      data-initials={initials(name)}
      style={{ width: size, height: size, fontSize: size * 0.4, background: `hsl(${hue} 60% 32%)` }}
    />
  )
}
