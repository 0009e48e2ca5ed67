import { createRoot } from 'react-dom/client'
import { Boot } from '@/app/Boot'
import { readLaunchParams } from '@/bitrix'
import { loadLanguage, resolveLanguage } from '@/i18n'
import '@/ui/tokens.css'

// The first words on screen are already in the portal's language (the frame's LANG).
await loadLanguage(resolveLanguage(readLaunchParams().lang, navigator.language)).catch(() => undefined)

const container = document.getElementById('root')
if (!container) throw new Error('index.html lacks #root')
createRoot(container).render(<Boot />)
