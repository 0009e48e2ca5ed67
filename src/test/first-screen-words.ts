import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * Which dictionary keys the first screens can show before anything loads on demand.
 *
 * The source files reachable from the entry and the two screens by static imports, and by the
 * dynamic imports that do not go through `lazyComponent` (which fetches the later words with the
 * code), are read for string literals and for template prefixes such as `sprints.status.${…}`
 * (returned with their trailing dot). Type-only imports are not followed.
 */
const SRC = resolve(process.cwd(), 'src')
export const FIRST_SCREENS = ['main.tsx', 'features/scrum-groups/ScrumGroupsScreen.tsx', 'features/planning/PlanningScreen.tsx']

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? resolve(SRC, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null
  if (!base) return null
  for (const ending of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const path = base + ending
    if (existsSync(path) && statSync(path).isFile() && /\.tsx?$/.test(path)) return path
  }
  return null
}

export function firstScreenFiles(): Set<string> {
  const seen = new Set<string>()
  const queue = FIRST_SCREENS.map((file) => resolve(SRC, file))
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    const specs = [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]!),
      ...[...source.matchAll(/^\s*import\s+'([^']+)'/gm)].map((match) => match[1]!),
      // Plain dynamic imports, not those of lazyComponent(() => import(…)).
      ...[...source.matchAll(/(lazyComponent\(\s*\(\)\s*=>\s*)?import\('([^']+)'\)/g)].filter((match) => !match[1]).map((match) => match[2]!),
    ]
    for (const spec of specs) {
      const path = resolveImport(file, spec)
      if (path) queue.push(path)
    }
  }
  return seen
}

export function usedOnFirstScreens(): Set<string> {
  const used = new Set<string>()
  for (const file of firstScreenFiles()) {
    if (file.includes('/i18n/') || /\.test\.tsx?$/.test(file)) continue
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g)) used.add(match[1]!)
    for (const match of source.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) used.add(match[1]!)
  }
  return used
}

/** The key a plural form belongs to (`items.count_one` → `items.count`). */
export const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

export function isFirstScreenKey(key: string, used: ReadonlySet<string>): boolean {
  const base = pluralBase(key)
  return used.has(base) || [...used].some((prefix) => prefix.endsWith('.') && base.startsWith(prefix))
}
