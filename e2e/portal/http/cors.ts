/**
 * CORS for the API routes: the app runs on another origin (the app port) and posts JSON, so
 * Chromium preflights every call (b24jssdk-in-a-frame §2.1).
 */
import type { IncomingMessage } from 'node:http'

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return { 'Access-Control-Allow-Origin': origin ?? '*', Vary: 'Origin' }
}

export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'content-type, authorization',
    'Access-Control-Max-Age': '600',
  }
}
