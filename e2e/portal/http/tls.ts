/**
 * HTTPS for the dev portal. A real portal is only reachable over https, and the SDK's webhook
 * client refuses a plain-http webhook URL, so the portal can serve everything (host page, REST,
 * control) over TLS with a self-signed certificate. It is made in JavaScript by
 * @vitejs/plugin-basic-ssl (no binary download) and cached under node_modules/.cache, so only the
 * first start pays for generating the key.
 */
import { getCertificate } from '@vitejs/plugin-basic-ssl'
import { fileURLToPath } from 'node:url'

/** Where the certificate is kept between runs (one per host name beyond localhost). */
export const CERT_CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/dev-portal-https/', import.meta.url))

export interface TlsMaterial {
  key: string
  cert: string
}

/**
 * A certificate for localhost and 127.0.0.1 (the plugin always includes both) plus `host`. The PEM
 * holds the private key and the certificate together, which is what node's TLS options accept.
 */
export async function devCertificate(host: string): Promise<TlsMaterial> {
  const plain = host === 'localhost' || host === '127.0.0.1'
  const dir = plain ? CERT_CACHE_DIR : `${CERT_CACHE_DIR}${host.replace(/[^A-Za-z0-9.-]/g, '_')}`
  const pem = await getCertificate(dir, 'dev-portal', plain ? [] : [host])
  return { key: pem, cert: pem }
}
