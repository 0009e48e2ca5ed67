import { createRoot } from 'react-dom/client'
import { Boot } from '@/app/Boot'
import '@/ui/tokens.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html lacks #root')
createRoot(container).render(<Boot />)
