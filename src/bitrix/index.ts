// The only door to the portal: everything else imports from here, never from the SDK.
export { connectToPortal, PortalConnectionError } from './frame'
export { isInPortalFrame, readLaunchParams, type LaunchParams } from './launch-params'
export { RestError, toRestError, notSentError, NOT_SENT, SESSION_ENDED } from './rest-error'
export { isSessionEnded, onSessionEnded } from './session'
export {
  callMethod,
  callPage,
  callBatch,
  callBatchChunks,
  notePortalPlan,
  inPool,
  isReadMethod,
  BATCH_LIMIT,
  READ_CONCURRENCY,
  type CallOptions,
  type ChunkOptions,
  type BatchCommand,
  type BatchOutcome,
  type Page,
  type RestParams,
} from './call-method'
export {
  readPortalContext,
  setPortalTitle,
  followContentHeight,
  pickPortalUser,
  pickPortalUsers,
  openInPortalSlider,
  readAppOption,
  readUserOption,
  writeAppOption,
  writeUserOption,
  finishInstall,
  type PortalContext,
  type PortalUser,
} from './portal-ui'
