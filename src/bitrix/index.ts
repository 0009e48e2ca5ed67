// The only door to the portal: everything else imports from here, never from the SDK.
export { connectToPortal, PortalConnectionError } from './frame'
export { isInPortalFrame, readLaunchParams, type LaunchParams } from './launch-params'
export { RestError, toRestError } from './rest-error'
export {
  callMethod,
  callPage,
  callBatch,
  callBatchChunks,
  BATCH_LIMIT,
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
  readUserOption,
  writeUserOption,
  finishInstall,
  type PortalContext,
  type PortalUser,
} from './portal-ui'
