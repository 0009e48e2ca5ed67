// `npm run package` (after the build): the app as a static local application zip in release/.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { appArchive } from './package/app-archive'

const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string }
const target = resolve('release', `scrum-backlog-${version}.zip`)
try {
  const zip = await appArchive(resolve('dist'))
  await mkdir(resolve('release'), { recursive: true })
  await writeFile(target, zip)
  console.log(`Static local application: ${target} (${(zip.length / 1024).toFixed(1)} KiB)`)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
