// Test/diagnostic counters, read by the browser tests through window.malbeot.debug; they have no
// effect on behaviour.

export const debug = {
  state: 'idle',
  callId: null,
  connects: 0,
  framesSent: 0,
  replyFrames: 0,
  replySeconds: 0,
  sourcesStarted: 0,
  sourcesEnded: 0,
  bargeIns: 0,
  turns: 0,
  messages: [],
};
