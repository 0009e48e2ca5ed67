/** Seed registry: the names accepted by `--seed` and `POST /control/reset`. */
import { Store, type SeedData } from './model'
import { buildDefaultSeed } from './seed-default'
import { buildLargeSeed } from './seed-large'

export type SeedName = 'default' | 'large'

const SEEDS: Record<SeedName, () => SeedData> = { default: buildDefaultSeed, large: buildLargeSeed }

export function isSeedName(value: unknown): value is SeedName {
  return typeof value === 'string' && Object.hasOwn(SEEDS, value)
}

export function seedData(name: SeedName): SeedData {
  return SEEDS[name]()
}

export function createStore(name: SeedName = 'default'): Store {
  return new Store(seedData(name))
}
